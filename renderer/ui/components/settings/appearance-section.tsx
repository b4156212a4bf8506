import type { Settings } from '../../../../shared/contract'
import { updateSettings } from '../../state/settings-actions'
import { Icon, type IconName } from '../icons'

const THEMES: { value: Settings['theme']; label: string; icon: IconName }[] = [
  { value: 'light', label: 'Light', icon: 'sun' },
  { value: 'dark', label: 'Dark', icon: 'moon' },
  { value: 'system', label: 'System', icon: 'monitor' },
]

/** Light, dark, or whatever the system uses. */
export function AppearanceSection({ settings }: { settings: Settings }) {
  return (
    <section className="settings-section" aria-labelledby="settings-theme">
      <h3 id="settings-theme">Theme</h3>
      <div className="theme-choices" role="radiogroup" aria-label="Theme">
        {THEMES.map((t) => (
          <label
            key={t.value}
            className={settings.theme === t.value ? 'theme-choice selected' : 'theme-choice'}
          >
            <input
              type="radio"
              name="theme"
              value={t.value}
              checked={settings.theme === t.value}
              onChange={() => void updateSettings({ theme: t.value })}
            />
            <Icon name={t.icon} />
            {t.label}
          </label>
        ))}
      </div>
    </section>
  )
}
