import { z } from 'zod'

/** An ISO 8601 date-time with `Z` or an offset. Shared by every schema version; never loosen it. */
export const IsoDate = z.iso.datetime({ offset: true, message: 'expected an ISO date' })
