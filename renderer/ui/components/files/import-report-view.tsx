import type { LastImport } from '../../../../shared/contract/files-requests'
import { reportHeadline } from '../../../../shared/session/import-report'
import { formatFull } from '../../lib/format'

/**
 * What the last import into this space did, as the runtime stored it with the import: what was
 * read, how many messages were new, and each kind of thing transformed or left out with its count.
 */
export function ImportReportView({ last }: { last: LastImport }) {
  const { report } = last
  const added = last.messagesAdded
  return (
    <section className="files-section import-report" aria-label="Import report">
      <h3>Last import</h3>
      <p className="hint">
        {last.fileName}, <time dateTime={last.at}>{formatFull(last.at)}</time>
      </p>
      <p className="import-headline">{reportHeadline(report)}.</p>
      <p>
        {added === 0
          ? 'Nothing new was added: this space already had every message.'
          : `${added.toLocaleString('en-US')} new message${added === 1 ? ' was' : 's were'} added.`}
      </p>
      {report.lines.length > 0 && (
        <ul className="import-lines">
          {report.lines.map((line) => (
            <li key={line.code} data-code={line.code}>
              {line.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
