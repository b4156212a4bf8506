import { claimedId, type IdClaims } from './claim-ids'
import { readChatGptFile } from './chatgpt-reader'
import type { ConversationContents } from './conversation-contents'
import { ReportTally } from './import-report'
import type { ImportOptions } from './import-transcript'
import { ProblemList, failed, passed, type Checked } from './problems'
import type { SessionConversation } from './session-data'
import type { ExportBytes } from './streamed-file'
import { streamedOf, type SourceFile } from './zip-files'

/** One file of an export as it was read the first time: the file, and the name paths start with. */
export interface ExportFile {
  file: SourceFile
  /** Null for a lone `conversations.json` (paths then start at `[i]`). */
  name: string | null
}

/**
 * Reads a ChatGPT export a second time, after `ChatGptImporter` (without its messages) checked it
 * whole and listed its conversations' `entries`: each conversation is read again, given the ids
 * `claims` decided, and given out before the next is read, so a writer holds one batch of
 * conversations, never the export. A file that cannot be read again, or reads differently than the
 * first time (it changed on disk meanwhile), gives a failure naming it, and nothing more.
 */
export function readChatGptAgain(
  files: readonly ExportFile[],
  options: ImportOptions,
  entries: readonly SessionConversation[],
  claims: IdClaims,
): ConversationContents {
  return function* () {
    let index = 0
    for (const { file, name } of files) {
      const streamed = streamedOf(file)
      const bytes: Checked<ExportBytes> = streamed ? passed(streamed) : file.read()
      if (!bytes.ok) {
        yield bytes
        return
      }
      const problems = new ProblemList()
      for (const read of readChatGptFile(bytes.value, name, options, problems, new ReportTally())) {
        const c = read.conversation
        const entry = entries[index]
        if (entry?.id !== c.id || entry.updatedAt !== c.updatedAt) {
          yield changed(file.name)
          return
        }
        const renamed = claims.renamed.get(index++)
        if (renamed)
          c.messages.forEach((m, position) => {
            if (renamed.has(position)) m.id = claimedId(c.id, m.id)
          })
        yield passed(c)
      }
      if (!problems.empty) {
        yield changed(file.name)
        return
      }
    }
    if (index !== entries.length) yield changed(files.at(-1)?.file.name ?? '(root)')
  }
}

const changed = (name: string) =>
  failed(
    'file-invalid',
    name,
    'the file read differently the second time (did it change while it was imported?)',
  )
