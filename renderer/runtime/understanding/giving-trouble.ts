import { capture, type Rule } from './capture'
import { RELATION_PATTERN } from './lexicon'

/**
 * Words for trouble as a thing given or caused, in the Englishes people write: "trouble",
 * "problem" (as Indian and Nigerian English say it, without "a"), "grief", "gyp", "wahala".
 */
const TROUBLE =
  '(?:trouble|troubles|problems?|issues?|grief|hassle|bother|gyp|jip|wahala|palava|palaver|headaches?|a headache|a hard time|hell)'

/** What may stand between the verb and the trouble: whom it is given to, and how much. */
const TO_WHOM_HOW_MUCH =
  '(?:(?:me|us|him|her|them|mi|wi)\\s+)?(?:(?:a|some|real|serious|big|so much|much|a lot of|a bit of|lots of|loads of|endless|constant|nothing but|more|no end of|proper)\\s+)*'

/**
 * People, who give a person a hard time but are not a fault to fix: pronouns, relations, and the
 * people of their work (a kind of word: someone, not something).
 */
const PERSON = new RegExp(
  `^(?:(?:he|she|they|you|I|we|everyone|everybody|someone|somebody|nobody)\\b|(?:(?:my|our|the|me|ma|mi|de|di|his|her|their)\\s+)?(?:[\\p{L}-]+\\s+)?(?:${RELATION_PATTERN}|boss|manager|supervisor|customers?|clients?|kids|children|teachers?|neighbou?rs?|landlord|tenants?|staff|team|colleagues?|mates?|people|lads|girls|boys)\\b)`,
  'iu',
)

/**
 * A thing giving or causing trouble, named first and then said to do so: "the van is giving me
 * grief", "cold room compressor is giving problem", "de pickup clutch giving trouble too", "the
 * new till system is causing us problems", "the printer gives trouble now and then".
 */
const GIVING = new RegExp(
  `^(.{2,60}?)(?:['’]s|\\s+(?:is|are|was|were|has been|have been|been|keeps|kept|still|always|now|also|again|really))*\\s+(?:giving|givin['’]?|gives|gave|causing|causin['’]?|causes|caused|given)\\s+${TO_WHOM_HOW_MUCH}${TROUBLE}(?![\\p{L}])`,
  'iu',
)

/**
 * A problem told as trouble a thing gives: "my laptop is giving me trouble", "compressor is giving
 * problem". Not a person giving someone a hard time ("my son is giving me trouble at school"), not
 * trouble denied ("the ewes are giving no trouble"), and not the person's own doing ("I gave them
 * a headache").
 */
export const givingTrouble: Rule = ({ text, correction }) => {
  const m = GIVING.exec(text)
  if (!m) return null
  const thing = m[1]!.trim()
  if (PERSON.test(thing) || /\b(?:not|never|n['’]t)\b|\bno\s+(?!end\b)/iu.test(m[0])) return null
  return [capture('issue', text, { correction })]
}
