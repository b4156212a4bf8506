/**
 * Retrieval moved to the platform-free `retrieval/` beside `shared/`. This re-export only keeps
 * test/support/understanding/evaluate.ts (issue 13, being edited as this lands) compiling; delete it
 * once that file imports `../../../retrieval`.
 */
export * from '../../../retrieval'
