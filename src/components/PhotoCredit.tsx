'use client'
import { useField } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type PhotoValue = number | string | { id: number | string } | null | undefined

/**
 * Shows the credit line under a chosen photo wherever an editor picks one, so a missing or wrong
 * credit is seen before publishing, not after.
 */
export const PhotoCredit: React.FC<{ path: string }> = ({ path }) => {
  const { value } = useField<PhotoValue>({ path })
  const id = value !== null && typeof value === 'object' ? value.id : value
  const [credit, setCredit] = useState<string | null>(null)

  useEffect(() => {
    if (id === null || id === undefined || id === '') {
      setCredit(null)
      return
    }
    const controller = new AbortController()
    fetch(`/api/photos/${encodeURIComponent(String(id))}?depth=0`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((photo: { creditLine?: string } | null) => setCredit(photo?.creditLine ?? null))
      .catch(() => {})
    return () => controller.abort()
  }, [id])

  if (!credit) return null
  return (
    <p className="field-description photo-credit" data-photo-credit>
      Photo by: {credit}
    </p>
  )
}
