'use client'
import {
  useConfig,
  useDocumentInfo,
  useDocumentTitle,
  useFormFields,
  useLocale,
} from '@payloadcms/ui'
import type React from 'react'
import { useEffect } from 'react'

/**
 * In a locale the story has no title in yet, the document header showed its ID ("3"): it shows
 * the title in the default locale instead, marked as not yet translated.
 */
export const LocaleTitle: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { title, setDocumentTitle } = useDocumentTitle()
  const locale = useLocale()
  const { config } = useConfig()
  const localTitle = useFormFields(([fields]) => fields.title?.value) as string | undefined
  const defaultLocale = config.localization ? config.localization.defaultLocale : undefined

  useEffect(() => {
    if (!id || !collectionSlug || !defaultLocale || locale.code === defaultLocale) return
    if (localTitle || title !== String(id)) return
    const controller = new AbortController()
    const query = `locale=${defaultLocale}&draft=true&depth=0&select[title]=true`
    fetch(`/api/${collectionSlug}/${encodeURIComponent(String(id))}?${query}`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: { title?: string } | null) => {
        if (doc?.title) setDocumentTitle(`${doc.title} (${locale.label}: not translated yet)`)
      })
      .catch(() => {})
    return () => controller.abort()
  }, [collectionSlug, defaultLocale, id, locale, localTitle, setDocumentTitle, title])

  return null
}
