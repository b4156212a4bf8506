import { version } from '../../../package.json'

/** The version of Keepsake that writes session files (package.json), and the app name they carry. */
export const APP_VERSION: string = version
export const APP_NAME = 'keepsake'
