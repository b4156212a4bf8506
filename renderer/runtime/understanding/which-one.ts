/**
 * "the one on Gandy St", "the big one", "that other one": which one of a thing just said, a value
 * that corrects the latest statement ("no, it's the one in Hulme") whatever form its value has.
 */
export const WHICH_ONE = /^(?:the|that)\s+(?:[\p{L}-]+\s+){0,2}?one\b/iu
