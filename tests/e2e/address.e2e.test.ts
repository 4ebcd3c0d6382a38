import { describe, expect, it } from 'vitest'

import { formReady, submit, useAdmin } from './harness'

// The server's SERVER_URL is its default, http://localhost:<port>; the admin is used from
// 127.0.0.1, the same server under another loopback name.
const admin = useAdmin()
const requested: string[] = []
const loopback = () => admin.base.replace('localhost', '127.0.0.1')
const password = 'correct horse battery'

describe('the admin opened at another address than SERVER_URL', () => {
  it('shows on the first-user form only the role the first account gets: Admin', async () => {
    admin.page.context().on('request', (request) => requested.push(request.url()))
    await admin.page.goto(`${loopback()}/admin`)
    await admin.page.waitForURL(/\/admin\/create-first-user/)
    const role = admin.page.locator('[data-first-user-role]')
    await role.waitFor()
    expect(await role.textContent()).toContain('Admin')
    expect(await admin.page.locator('#field-roles').count()).toBe(0)
    expect(await admin.page.locator('form').textContent()).not.toContain('Contributor')

    await formReady(admin.page)
    await admin.page.fill('#field-email', 'chief@example.com')
    await admin.page.fill('#field-password', password)
    await admin.page.fill('#field-confirm-password', password)
    await submit(admin.page, '/api/users/first-register')
    await admin.page.waitForURL(new RegExp(`${loopback()}/admin/?$`))
  })

  it('saves a document from http://127.0.0.1 while SERVER_URL names localhost', async () => {
    const page = admin.page
    await page.goto(`${loopback()}/admin/collections/people`)
    await page.getByText('Pipo Derani').first().click()
    await page.waitForURL(/\/admin\/collections\/people\/[^/]+$/)
    await page.fill('#field-organisation', 'Whelen Engineering Racing')
    await page.click('#action-save')
    await expect
      .poll(() => page.locator('.payload-toast-container').textContent())
      .toMatch(/successfully/i)
    const people = await page.evaluate(async () =>
      (
        await fetch('/api/people?where[organisation][equals]=Whelen Engineering Racing', {
          credentials: 'include',
        })
      ).json(),
    )
    expect(people.totalDocs).toBe(1)
    expect(await page.locator('[data-origin-check]').count()).toBe(0)
  })

  it('keeps the navigation open or closed across reloads (the nav preference is stored)', async () => {
    const page = admin.page
    // Payload keeps the nav preference only on screens wider than its "large" breakpoint.
    await page.setViewportSize({ width: 1600, height: 1000 })
    const wrapper = page.locator('.template-default').first()
    const hasClass = async (name: string) => (await wrapper.getAttribute('class'))!.includes(name)
    const isOpen = () => hasClass('template-default--nav-open')
    const reload = async () => {
      await page.reload()
      await expect.poll(() => hasClass('template-default--nav-hydrated')).toBe(true)
    }
    const toggle = async (label: RegExp) => {
      const stored = page.waitForResponse(
        (response) =>
          response.url().includes('/api/payload-preferences/nav') &&
          response.request().method() === 'POST',
      )
      await page.getByRole('button', { name: label }).first().click()
      expect((await stored).status()).toBe(200)
    }

    await page.goto(`${loopback()}/admin/collections/people`)
    await expect.poll(() => hasClass('template-default--nav-hydrated')).toBe(true)
    await expect.poll(isOpen).toBe(true)
    await toggle(/close menu/i)
    await reload()
    await expect.poll(isOpen).toBe(false)

    await toggle(/open menu/i)
    await reload()
    await expect.poll(isOpen).toBe(true)
  })

  it('gives the demo story a Preview button whose link carries a valid token and opens the draft', async () => {
    const page = admin.page
    await page.goto(`${loopback()}/admin/collections/articles`)
    await page.getByText('Fourth at Petit Le Mans is enough').first().click()
    await page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
    const button = page.locator('#preview-button')
    await button.waitFor()
    const href = (await button.getAttribute('href'))!
    expect(href).toMatch(/^\/api\/articles\/preview\/[\w-]+\.[\w-]+\.[\w-]+\?format=html/)

    // The page itself is the delivery work's; here: the link opens without a session.
    const opened = await page.context().request.get(`${loopback()}${href}`, {
      headers: { cookie: '' },
    })
    expect(opened.status()).toBe(200)
    const forged = await page
      .context()
      .request.get(`${loopback()}${href.replace(/\.[\w-]+\?/, '.forged?')}`)
    expect(forged.status()).toBe(401)
  })

  it('warns, naming SERVER_URL and CSRF_ORIGINS, when opened at an address sessions are refused from', async () => {
    const other = admin.base.replace('localhost', '127.0.0.2')
    await admin.page.goto(`${other}/admin/login`)
    const notice = admin.page.locator('[data-origin-check]')
    await notice.waitFor()
    const text = await notice.textContent()
    expect(text).toContain(other)
    expect(text).toContain('SERVER_URL')
    expect(text).toContain('CSRF_ORIGINS')
  })

  it('never asks gravatar.com for an avatar', () => {
    expect(requested.length).toBeGreaterThan(0)
    expect(requested.filter((url) => new URL(url).hostname.endsWith('gravatar.com'))).toEqual([])
  })
})
