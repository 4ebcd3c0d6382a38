import type { LocalizationConfig } from 'payload'

/**
 * Decided up front because adding locales to an SQL schema later means migrating every localized
 * table. English is the newsroom's working language; Italian readers fall back to it.
 */
export const localization: LocalizationConfig = {
  locales: [
    { code: 'en', label: 'English' },
    { code: 'it', label: 'Italiano', fallbackLocale: 'en' },
  ],
  defaultLocale: 'en',
  fallback: true,
}
