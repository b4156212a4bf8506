/** Word lists the rules share. Kept small and general: classes of words, not example sentences. */

const words = (s: string): string[] => s.trim().split(/\s*\|\s*/u)

/** People and animals in a person's life, as "my X" names them. */
export const RELATIONS = words(
  'mom|mum|mother|mama|dad|father|papa|parents|sister|brother|sibling|siblings|wife|husband|partner|' +
    'spouse|girlfriend|boyfriend|fiance|fiancee|fiancé|fiancée|son|daughter|kid|kids|child|children|baby|' +
    'grandma|grandmother|grandpa|grandfather|grandparents|aunt|uncle|cousin|niece|nephew|' +
    'stepmom|stepdad|stepson|stepdaughter|in-laws|mother-in-law|father-in-law|best friend|friend|' +
    'roommate|flatmate|housemate|neighbor|neighbour|landlord|landlady|boss|manager|supervisor|' +
    'mentor|coworker|co-worker|colleague|teammate|cofounder|co-founder|assistant|client|' +
    'dentist|doctor|gp|therapist|physio|physiotherapist|psychiatrist|pediatrician|vet|' +
    'accountant|lawyer|trainer|coach|tutor|teacher|hairdresser|barber|mechanic|' +
    'dog|cat|puppy|kitten|pet|rabbit|bunny|hamster|parrot|horse|fish',
)
const RELATION_SET = new Set(RELATIONS)
export const isRelation = (noun: string): boolean => RELATION_SET.has(noun.toLowerCase())
export const RELATION_PATTERN = [...RELATIONS].sort((a, b) => b.length - a.length).join('|')

/** Kinds of work, to tell "I am a nurse" (a job) from "I am a morning person". */
const JOB_SUFFIX =
  /(?:er|or|ist|ian|ant|ent|eer|ect|ee|man|woman|person|nurse|chef|cook|medic|intern|student|dev|lead|head|director|officer|analyst|clerk|pilot|surgeon|vet|tech|consultant|founder|owner|trainee|apprentice|resident|professor|lecturer|scientist|artist|pharmacist|dentist|therapist|paralegal|barista|bartender|cashier|driver|nanny|tutor|coach|freelancer|contractor)$/iu
const NOT_JOBS =
  /\b(?:morning|night|people|dog|cat|coffee|tea|early|late|big|huge|fan|member|user|owner of a|vegetarian|vegan|pescatarian|beginner|newbie|introvert|extrovert|smoker|non-smoker|drinker|sleeper|eater|runner|swimmer|reader|gamer|believer|lover|person|mother|father|parent|dad|mom|mum)\b/iu
/** Whether a noun phrase names a job ("a data engineer", "an ICU nurse"). */
export function isJob(phrase: string): boolean {
  const head = phrase.trim().split(/\s+/u).pop() ?? ''
  if (NOT_JOBS.test(phrase) && !/\b(?:engineer|developer|manager|designer)\b/iu.test(phrase))
    return false
  return JOB_SUFFIX.test(head) && head.length > 3
}

/** Ways of eating that hold one at a time. */
export const DIETS =
  /\b(vegetarian|vegan|pescatarian|pescetarian|keto|paleo|carnivore|flexitarian|halal|kosher|gluten[- ]free|dairy[- ]free|lactose[- ]free|plant[- ]based|on a diet|fasting|sober|teetotal)\b/iu

/** Health conditions worth remembering. */
export const CONDITIONS =
  /\b(celiac|coeliac|diabetic|diabetes|asthma|asthmatic|adhd|autistic|autism|dyslexic|dyslexia|epilepsy|epileptic|migraines?|colorblind|color-blind|colour-blind|deaf|hard of hearing|blind|pregnant|lactose intolerant|intolerant|anemic|anaemic|arthritis|insomnia|anxiety|depression|high blood pressure|hypertension|ibs|crohn'?s|allergic|allergy|allergies|vision|glasses|contacts|wheelchair|injury|injured|broke my|surgery|medication|insulin|inhaler)\b/iu

/** How someone feels right now: not worth remembering as a fact about them. */
export const TRANSIENT =
  /^(?:so |really |very |super |pretty |kinda |kind of |a bit |a little |totally |just |too |feeling |not )*(?:tired|exhausted|sleepy|hungry|thirsty|bored|busy|happy|sad|glad|excited|stressed|stressed out|annoyed|angry|mad|upset|frustrated|confused|curious|sure|not sure|done|back|here|ready|fine|good|great|ok|okay|alright|well|sick of|lost|late|early|home|off|out|away|around|online|free|available|on my way|kidding|joking|sorry|worried|nervous|scared|afraid|bored|impressed|surprised|grateful|thankful|relieved|hopeful|proud|lucky|jealous|cold|hot|full|wondering|thinking|curious|listening|serious|in a hurry|in a meeting|on a call|on vacation|on holiday|at work|at home|in the office|working from home|wfh|on it|all set|good to go|learning|trying)\b/iu

/** Topics people ask about by a general name, with words that belong to them. */
export const TOPICS: Record<string, string[]> = {
  database: words(
    'database|databases|db|dbs|postgres|postgresql|mysql|sqlite|mongodb|mongo|redis|pgvector|qdrant|pinecone|weaviate|milvus|chroma|elasticsearch|opensearch|dynamodb|cassandra|supabase|firebase|duckdb|clickhouse|snowflake|bigquery|neo4j|mariadb|oracle|sql|vector store|vector db',
  ),
  food: words(
    'food|eat|eating|diet|dietary|meal|meals|cuisine|cook|cooking|vegetarian|vegan|gluten|dairy|lactose|meat|fish|nuts|peanuts|shellfish|spicy|sushi|pizza|pasta|coffee|tea|allergic|allergy',
  ),
  health: words(
    'health|medical|doctor|dentist|allergy|allergies|allergic|medication|condition|asthma|diabetes|migraine|therapy|therapist|pregnant|injury|surgery',
  ),
  family: words(
    'family|mom|mum|mother|dad|father|parents|sister|brother|wife|husband|partner|son|daughter|kids|children|grandma|grandpa|aunt|uncle|cousin',
  ),
  pet: words('pet|pets|dog|cat|puppy|kitten|rabbit|hamster|parrot|fish|horse'),
  work: words(
    'work|job|employer|company|office|team|manager|boss|role|title|colleague|career|salary|project|client|startup',
  ),
  travel: words(
    'travel|trip|flight|flights|fly|flying|hotel|vacation|holiday|airport|train|visa|passport|abroad',
  ),
  code: words(
    'code|coding|programming|language|languages|typescript|javascript|python|rust|go|golang|java|kotlin|swift|c++|ruby|php|editor|ide|vim|neovim|vscode|emacs|framework|react|vue|svelte|angular|library',
  ),
  music: words('music|song|songs|band|bands|album|guitar|piano|spotify|concert|genre'),
  sport: words(
    'sport|sports|gym|workout|exercise|run|running|yoga|swim|swimming|football|soccer|tennis|cycling|climbing|hiking|class',
  ),
  schedule: words(
    'schedule|calendar|meeting|meetings|appointment|appointments|standup|class|classes|flight|event|events',
  ),
}

/** The topic words a general word stands for ("databases" → postgres, pgvector, …). */
export function topicWords(word: string): string[] {
  const w = word.toLowerCase()
  for (const [topic, members] of Object.entries(TOPICS))
    if (w === topic || w === `${topic}s` || members.slice(0, 3).includes(w)) return members
  return []
}
