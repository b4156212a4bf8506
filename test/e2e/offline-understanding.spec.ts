import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/** Says something at a person's pace and expects the reply to hold `reply`. */
const teller =
  (app: () => KeepsakePage) =>
  async (text: string, reply: RegExp | string): Promise<void> => {
    await app().say(text, { typed: true })
    await expect(app().lastReply()).toContainText(reply)
  }

/** Asks a question and expects the reply to hold every `has` and none of `hasNot`. */
const asker =
  (app: () => KeepsakePage) =>
  async (question: string, has: RegExp[], hasNot: RegExp[] = []): Promise<void> => {
    await app().say(question, { typed: true })
    const reply = app().lastReply()
    for (const want of has) await expect(reply).toContainText(want)
    for (const not of hasNot) await expect(reply).not.toContainText(not)
  }

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

  const tell = teller(() => app)
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

  const ask = asker(() => app)
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

/**
 * How people report on things over time, in their own words: a problem told by its symptom, an
 * errand finished told by its result, a thing still in the way, a correction about the thing rather
 * than its name, and a question whose answer was said but not filed.
 */
test('the offline assistant follows things told by their results and answers from what was said', async ({
  device,
}) => {
  test.setTimeout(180_000)
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  const tell = teller(() => app)
  await tell(
    "g'day, Priya Raman here, Perth born, Melbourne based",
    'Noted: your name is Priya Raman',
  )
  await expect(app.lastReply()).toContainText('Melbourne')
  await tell('the dishwasher has been grinding since Tuesday', 'Noted the problem')
  await tell(
    'need to take the library books back before Friday',
    'Added to your tasks: take the library books back',
  )
  await tell(
    'library books are back, paid a small fine',
    'Marked done: take the library books back',
  )
  await tell(
    'still waiting on the repair guy for the dishwasher',
    'Updated the problem: the dishwasher has been grinding',
  )
  await tell('our new apprentice Josh starts on Monday', 'Noted')
  await tell('actually Josh starts the 29th, not Monday', /Updated: .*29th/)
  await tell("for reference I'm 5'4 and a size 6 shoe", /.+/)

  const ask = asker(() => app)
  await ask('what do I still have to do?', [/./], [/library books/])
  await ask("what's broken at home?", [/dishwasher/])
  await ask('when does Josh start?', [/29th/], [/starts on Monday/])
  await ask('what size shoe am I?', [/size 6/])
  await ask("what's my sister's name?", [/don't have anything/])
  // Told in short bursts: "his" is the brother just named, in what is stored and what is asked.
  await tell('my brother Dev just moved to Adelaide', 'Noted')
  await tell('his birthday is the 9th of June', /Noted: your brother Dev's birthday/)
  await ask("when's his birthday?", [/9th of June/])
  await device.browser.page.screenshot({ path: 'test-results/screens/offline-follow-up.png' })
})

/**
 * What the learned kind reader and the clause rules of session 5 add, in the real runtime bundle
 * (the model ships inside the worker): a problem told in plain words, a follow-up that points back,
 * two things said about one subject, chat that is not kept, a new value for an amount, and answers
 * that find them in other words — through a reload.
 */
test('the offline assistant files plain talk by its kind and answers it after a reload', async ({
  device,
}) => {
  test.setTimeout(180_000)
  let app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  const tell = teller(() => app)
  await tell("the boiler's been making a clicking sound all week", 'Noted the problem')
  await tell('MOT is due on the 19th, need to book it', 'Added to your tasks: MOT')
  await tell('I live in Hackney and work as a UX researcher', 'Noted: you live in Hackney')
  await expect(app.lastReply()).toContainText('UX researcher')
  await tell("Monday's going to be a slog", "I kept your message but didn't store anything")
  await tell('rent is €1,450 a month', 'Noted')
  await tell('landlord emailed, rent is now €1,520', /Updated: .*1,520/)

  await device.browser.page.reload()
  app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  const ask = asker(() => app)
  await ask('anything wrong at home?', [/boiler/])
  await ask("what's my rent?", [/1,520/], [/1,450/])
  await ask('where do I live?', [/Hackney/])
  await ask("what's my job?", [/UX researcher/])
  await device.browser.page.screenshot({ path: 'test-results/screens/offline-plain-talk.png' })
})
