import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/**
 * A person's first ten minutes with the offline assistant (no model): introductions, preferences, two
 * tasks with deadlines, a problem and two corrections, typed at a person's pace in real Chromium; then
 * a SIGKILL of the browser and the host, and ten direct questions answered from memory.
 */
test('the offline assistant remembers a first conversation through a kill and answers from memory', async ({
  device,
}) => {
  test.setTimeout(240_000)
  let app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()

  const tell = async (text: string, reply: RegExp | string): Promise<void> => {
    await app.say(text, { typed: true })
    await expect(app.lastReply()).toContainText(reply)
  }
  await tell(
    "Hi! I'm Maya Chen, I work at Northwind Labs as a data engineer.",
    'Noted: your name is Maya Chen',
  )
  await expect(app.lastReply()).toContainText('Northwind Labs')
  await tell('I live in Lisbon.', 'Noted: you live in Lisbon')
  await tell("I can't eat gluten.", 'Noted: you cannot eat gluten')
  await tell('Please keep answers short.', 'Noted: you want me to keep answers short')
  await tell('I prefer pgvector over Pinecone.', 'Noted: you prefer pgvector over Pinecone')
  await tell(
    'I need to renew my passport by Friday.',
    'Added to your tasks: renew your passport by',
  )
  await tell(
    'Remind me to send the Q3 report to Dana tomorrow.',
    'Added to your tasks: send the Q3 report to Dana',
  )
  await tell(
    'Bug: the login page times out on Safari',
    'Noted the problem: bug: the login page times out on Safari',
  )
  await tell("My timezone is CET. No wait, it's CEST.", 'Noted: your timezone is CEST')
  await tell('Actually I switched to Qdrant.', /Updated: you use Qdrant .*was .*pgvector/)
  // Small talk is kept in the conversation and stored nowhere, and the reply says so.
  await tell('haha this is fun', "I kept your message but didn't store anything from it")

  // Memory shows current items only: the corrected values are history, not current.
  await expect(app.memoryItems.filter({ hasText: 'CEST' })).toHaveCount(1)
  await expect(app.memoryItems.filter({ hasText: /\bCET\b/ })).toHaveCount(0)
  await expect(app.memoryItems.filter({ hasText: 'Qdrant' })).toHaveCount(1)
  await expect(app.memoryItems.filter({ hasText: 'I prefer pgvector over Pinecone' })).toHaveCount(
    0,
  )

  await device.crashAndRestart()
  app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await expect(app.conversation).toContainText('Actually I switched to Qdrant.')

  const ask = async (question: string, has: RegExp[], hasNot: RegExp[] = []): Promise<void> => {
    await app.say(question, { typed: true })
    const reply = app.lastReply()
    for (const want of has) await expect(reply).toContainText(want)
    for (const not of hasNot) await expect(reply).not.toContainText(not)
  }
  await ask('where do I work?', [/Northwind Labs/])
  await ask('Where do I live', [/Lisbon/])
  await ask("what can't I eat?", [/gluten/])
  await ask("what's my timezone?", [/CEST/], [/\bCET\b/])
  await ask('which vector database do I use?', [/Qdrant/], [/prefer pgvector/])
  await ask("what's due?", [/passport/, /Q3 report/])
  await ask('what am I working on?', [/passport/])
  await ask('any open problems?', [/Safari/])
  await ask('how should you answer me?', [/short/])
  await ask(
    'What do you know about me?',
    [/Maya Chen/, /Lisbon/, /gluten/, /CEST/, /Qdrant/],
    [/\bCET\b/, /prefer pgvector/],
  )
  await device.browser.page.screenshot({ path: 'test-results/screens/offline-understanding.png' })
})
