import { useEffect } from 'react'
import { useApp } from '../state/store'

/** Puts the chosen theme on `<html data-theme>`; "system" leaves it to `prefers-color-scheme`. */
export function useTheme(): void {
  const theme = useApp((s) => s.settings?.theme ?? 'system')
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])
}
