/** What a deletion for good removes, said the same way wherever it is asked. */
export function ForeverNote() {
  return (
    <p className="dialog-lead">
      It is removed from this device and from every device it syncs with, and cannot be restored.
      What Keepsake remembered from it stays in Memory.
    </p>
  )
}
