/** Word lists the rules share. Kept small and general: classes of words, not example sentences. */

const words = (s: string): string[] => s.trim().split(/\s*\|\s*/u)

/** People and animals in a person's life, as "my X" names them. */
export const RELATIONS = words(
  'mom|mum|mother|mama|dad|father|papa|parents|sister|brother|sibling|siblings|wife|husband|partner|' +
    'spouse|girlfriend|boyfriend|fiance|fiancee|fiancé|fiancée|son|daughter|kid|kids|child|children|baby|' +
    'grandma|grandmother|grandpa|grandfather|grandparents|grandson|granddaughter|grandchild|' +
    'grandchildren|grandkids|nan|nana|gran|granny|grandad|granddad|aunt|uncle|cousin|niece|nephew|' +
    'stepmom|stepdad|stepson|stepdaughter|in-laws|mother-in-law|father-in-law|best friend|friend|' +
    'roommate|flatmate|housemate|neighbor|neighbour|landlord|landlady|boss|manager|supervisor|' +
    'mentor|coworker|co-worker|colleague|teammate|cofounder|co-founder|assistant|client|' +
    'dentist|doctor|gp|therapist|physio|physiotherapist|psychiatrist|pediatrician|vet|' +
    'accountant|lawyer|trainer|coach|tutor|teacher|hairdresser|barber|mechanic|' +
    'midwife|co-supervisor|consultant|counsellor|counselor|solicitor|childminder|nanny|' +
    'dog|cat|puppy|kitten|pet|rabbit|bunny|hamster|parrot|horse|fish|gf|bf|hubby|mate|best mate|bestie|greyhound|labrador|retriever|terrier|spaniel|poodle|collie|beagle|pug|husky|dachshund|bulldog|corgi|whippet',
)
const RELATION_SET = new Set(RELATIONS)
export const isRelation = (noun: string): boolean => RELATION_SET.has(noun.toLowerCase())
export const RELATION_PATTERN = [...RELATIONS].sort((a, b) => b.length - a.length).join('|')
/** "my sister", "our landlord": a person of the speaker's named by their relation. */
export const MY_RELATION = new RegExp(`\\b(?:my|our)\\s+(?:${RELATION_PATTERN})\\b`, 'iu')

/** Kinds of work, to tell "I am a nurse" (a job) from "I am a morning person". */
const JOB_SUFFIX =
  /(?:er|or|ist|ian|ant|ent|eer|ect|ee|man|woman|person|smith|nurse|chef|cook|medic|intern|student|dev|lead|head|director|officer|analyst|clerk|pilot|surgeon|vet|tech|consultant|founder|owner|trainee|apprentice|resident|professor|lecturer|scientist|artist|pharmacist|dentist|therapist|paralegal|barista|bartender|cashier|driver|nanny|tutor|coach|freelancer|contractor)$/iu
const NOT_JOBS =
  /\b(?:sucker|fanatic|nerd|geek|snob|addict|junkie|morning|night|people|dog|cat|coffee|tea|early|late|big|huge|fan|member|user|owner of a|vegetarian|vegan|pescatarian|beginner|newbie|introvert|extrovert|smoker|non-smoker|drinker|sleeper|eater|runner|swimmer|reader|gamer|believer|lover|person|mother|father|parent|dad|mom|mum)\b/iu
/**
 * Jobs people name by a word that does not end like one, or is too short to judge by its ending:
 * "a GP in Leith", "sparky", "midwife", "vet". Not "physio": as often the treatment ("physio on
 * Tuesday"; a blind corpus lost captures with it).
 */
const JOB_WORDS = new Set(
  words(
    'gp | medic | sparky | sparkie | brickie | cabbie | postie | mechanic | midwife | locum | ' +
      'registrar | doula | detective | vet | dev',
  ),
)
/** Words ending like a job that are not one: function words and adjectives ("whatever", "pregnant"). */
const NOT_JOB_HEADS = new Set(
  words(
    'whatever|however|whenever|wherever|whoever|never|ever|forever|together|other|another|either|' +
      'neither|rather|whether|after|later|over|under|sooner|older|younger|better|bigger|smaller|' +
      'different|important|current|recent|patient|pregnant|independent|confident|excellent|decent|' +
      'brilliant|relevant|absent|present|silent|urgent|pleasant|constant|distant|reluctant|tolerant|' +
      'intolerant|fluent|competent|consistent|efficient|frequent|permanent|apparent|content|' +
      'ignorant|significant|hesitant|desperate|vibrant|elegant|redundant|abundant|dominant|' +
      'resilient|lenient|transparent|convenient|insistent|persistent|dependent|sufficient|' +
      // things and times, not people: "lovely weather for October", "another winter in Leeds"
      'weather|winter|summer|number|order|dinner|water|letter|paper|counter|corner|border|cover|' +
      'power|matter|center|centre|quarter|semester|trimester|chapter|computer|laptop|printer|' +
      'trailer|meter|monitor|error|floor|door|colour|color|flavour|flavor|honour|honor|mirror|' +
      'motor|sector|factor|razor|tractor|event|moment|comment|payment|apartment|department|' +
      'appointment|argument|treatment|equipment|environment|government|tournament|restaurant|' +
      'plant|giant|elephant|account|amount|point|joint|print|sprint|hint|tent|rent|talent|' +
      'percent|cent|tower|flower|shower|answer|offer|river|fever|liver|silver|timer|' +
      'weekender|banger|bummer|stunner|scorcher|nightmare|disaster|monster|chatter|butter|sugar|' +
      'burger|finger|ginger|pepper|dinosaur|register|roster|poster|sticker',
  ),
)
/** Whether a noun phrase names a job ("a data engineer", "an ICU nurse"). */
export function isJob(phrase: string): boolean {
  const head = phrase.trim().split(/\s+/u).pop() ?? ''
  if (NOT_JOB_HEADS.has(head.toLowerCase())) return false
  if (JOB_WORDS.has(head.toLowerCase())) return true
  if (NOT_JOBS.test(phrase) && !/\b(?:engineer|developer|manager|designer)\b/iu.test(phrase))
    return false
  return JOB_SUFFIX.test(head) && head.length > 3
}

/** Small words inside a family name: "Pieter van Wyk", "Ana da Silva", "Omar bin Said". */
export const NAME_PARTICLE =
  '(?:van|von|de|da|del|della|der|den|di|du|le|la|bin|binti|ibn|al|el|ter|ten|dos|das|do|ap)'

/** Ways of eating that hold one at a time. */
export const DIETS =
  /\b(vegetarian|veggie|vegan|pescatarian|pescetarian|keto|paleo|carnivore|flexitarian|halal|kosher|gluten[- ]free|dairy[- ]free|lactose[- ]free|plant[- ]based|on a diet|fasting|sober|teetotal)\b/iu

/** Health conditions worth remembering. */
export const CONDITIONS =
  /\b(celiac|coeliac|diabetic|diabetes|asthma|asthmatic|adhd|autistic|autism|dyslexic|dyslexia|epilepsy|epileptic|migraines?|colorblind|color-blind|colour-blind|deaf|hard of hearing|blind|pregnant|lactose intolerant|intolerant|anemic|anaemic|arthritis|insomnia|anxiety|depression|high blood pressure|hypertension|ibs|crohn'?s|allergic|allergy|allergies|vision|glasses|contacts|wheelchair|injury|injured|broke my|surgery|medication|insulin|inhaler|headaches|nosebleeds|cold sores|hay ?fever|eczema|psoriasis|acid reflux|heartburn|panic attacks|cramps|vertigo|tinnitus)\b/iu

/**
 * Medicines by name or by the endings of their generic names (-profen, -statin, -pril, -olol,
 * -triptan, -azepam, -oxetine, -mycin, -cillin, -prazole…), and the words people use for them.
 */
export const MEDICINE =
  /\b(?:\p{L}{2,}(?:profen|statin|pril|sartan|olol|triptan|azepam|azolam|oxetine|aline|pram|mycin|cillin|cycline|prazole|tidine|formin|gliptin|glutide|dronate|lukast|thyroxine|oxacin|dipine|pine|done|mab|nib|tadine|phen)s?|triptans?|paracetamol|acetaminophen|aspirin|ibuprofen|naproxen|codeine|tramadol|morphine|insulin|metformin|warfarin|steroids?|prednisolone|prednisone|antihistamines?|antibiotics?|antidepressants?|beta[- ]blockers?|painkillers?|the pill|(?:my|the|these|those|new)\s+(?:meds|medication|medicine|tablets|pills|inhaler|injections?|jabs?))\b/iu

/** Events and appointments: a class, a meeting, a wedding, a flight, a match, an exam. */
export const EVENT =
  /\b(?:(\p{L}+)\s+)?(class|classes|practice|rehearsal|review|meeting|appointment|appt|session|lesson|lessons|call|standup|stand-up|sync|1:1|one-on-one|flight|party|wedding|game|match|gig|concert|interview|exam|surgery|checkup|check-up|dinner|lunch|trip|visit|booster|shot|vaccination|clinic|physio|therapy|training|race|marathon|recital|conference|offsite|retreat|pickup|pick-up|drop-off|dropoff|service|inspection|mot|delivery|visits|football|soccer|swimming|tennis|ballet|piano|karate|rugby|cricket|hockey|netball|gymnastics|choir|scouts|stream|collab|shift|roster|show|closing|open house|showing|viewing|test|ielts|exam|deadline|married|wedding|due date|baby|birth)\b/iu

/** How someone feels right now: not worth remembering as a fact about them. */
export const TRANSIENT =
  /^(?:so |really |very |super |pretty |kinda |kind of |a bit |a little |totally |just |too |feeling |not |always |constantly |usually |often |basically |literally |completely |still )*(?:tired|exhausted|knackered|shattered|wiped|wiped out|pooped|beat|fried|drained|sleepy|hungry|thirsty|bored|busy|happy|sad|glad|excited|stressed|stressed out|annoyed|angry|mad|upset|frustrated|confused|curious|sure|not sure|done|back|here|ready|fine|good|great|ok|okay|alright|well|sick of|lost|late|early|home|off|out|away|around|online|free|available|on my way|kidding|joking|sorry|worried|nervous|scared|afraid|bored|impressed|surprised|grateful|thankful|relieved|hopeful|proud|lucky|jealous|cold|hot|full|wondering|thinking|curious|listening|serious|in a hurry|in a meeting|on a call|on vacation|on holiday|at work|at home|in the office|(?:working from home|wfh)(?=\s*$|\s+(?:today|tomorrow|this week|again|now|rn|atm)\b)|on it|all set|good to go|learning|trying)\b/iu

/**
 * Topics people ask about by a general word ("databases", "food", "music"): the general words that
 * name the topic, and the specific words that belong to it.
 */
export const TOPICS: Record<string, { general: string[]; members: string[] }> = {
  database: {
    general: words(
      'database|databases|db|dbs|vector db|vector store|datastore|data store|warehouse|storage',
    ),
    members: words(
      'postgres|postgresql|mysql|sqlite|mongodb|mongo|redis|pgvector|qdrant|pinecone|weaviate|milvus|chroma|elasticsearch|opensearch|dynamodb|cassandra|supabase|firebase|duckdb|clickhouse|snowflake|bigquery|neo4j|mariadb|oracle|sql|lancedb|faiss',
    ),
  },
  food: {
    general: words(
      'food|foods|eat|eating|diet|dietary|meal|meals|cuisine|dish|dishes|snack|snacks|restrictions|intolerances|intolerance',
    ),
    members: words(
      'vegetarian|veggie|plant-based|vegan|gluten|dairy|lactose|meat|fish|nuts|peanuts|shellfish|spicy|sushi|pizza|pasta|cilantro|coriander|mushrooms|olives|onions|garlic|tomatoes|eggs|cheese|chocolate|sugar|bacon|pork|beef|chicken|seafood|curry|tofu|rice|bread|salad|fruit|vegetables|coffee|tea|beer|wine|alcohol|coeliac|celiac|halal|kosher|pescatarian|soy|sesame|carbs|keto',
    ),
  },
  music: {
    general: words('music|song|songs|band|bands|album|albums|genre|genres|artist|artists|singer'),
    members: words(
      'jazz|rock|pop|country|classical|hip hop|hip-hop|rap|metal|folk|blues|techno|house|indie|punk|soul|reggae|opera|edm|electronic|k-pop|disco|funk|ambient|lo-fi',
    ),
  },
  code: {
    general: words(
      'code|coding|programming|language|languages|editor|editors|ide|framework|frameworks|library|libraries|stack|tooling|orchestrator|scheduler',
    ),
    members: words(
      'typescript|javascript|python|rust|go|golang|java|kotlin|swift|ruby|php|vim|neovim|vscode|vs code|emacs|jetbrains|intellij|react|vue|svelte|angular|django|rails|airflow|dagster|prefect|terraform|kubernetes|docker',
    ),
  },
  health: {
    general: words(
      'health|medical|medication|medications|meds|medicine|medicines|pills|prescription|condition|conditions|allergy|allergies|allergic',
    ),
    members: words(
      'take|taking|prescribed|mg|dose|inhaler|insulin|asthma|diabetes|migraine|allergic|allergy|penicillin|peanuts|shellfish|latex|pollen|gp|doctor|dentist',
    ),
  },
  pet: {
    general: words('pet|pets|animal|animals|dog|dogs|cat|cats'),
    members: words(
      'dog|cat|puppy|kitten|rabbit|hamster|parrot|horse|greyhound|labrador|retriever|terrier|spaniel|poodle|collie|beagle|pug|husky|dachshund|shepherd|bulldog|corgi|whippet|tabby|siamese',
    ),
  },
  tech: {
    general: words('tech|technology|computer|computers|devices|gadgets|it|software|apps'),
    members: words(
      'laptop|phone|computer|pc|mac|printer|wifi|wi-fi|router|internet|broadband|app|apps|software|email|update|drivers|monitor|keyboard|tablet|ipad|iphone|android|windows|macos|bluetooth|dropbox|teams|zoom|slack|outlook|vpn|password|login|account',
    ),
  },
  travel: {
    general: words('travel|trip|trips|flight|flights|vacation|holiday|holidays|airline|airlines'),
    members: words(
      'flight|hotel|airport|train|visa|passport|fly|flying|booked|offsite|air|airways|airlines|airline',
    ),
  },
  body: {
    general: words('injury|injuries|injured|hurt|hurts|pain|pains|ache|aches|niggle|niggles|body'),
    members: words(
      'knee|knees|back|ankle|ankles|shoulder|wrist|hip|hips|neck|hamstring|calf|foot|feet|elbow|achilles|shin|shins|sprain|sprained|strain|strained|sore|pulled|twisted|tendon|physio|migraine|headache|headaches',
    ),
  },
  home: {
    general: words('home|house|flat|apartment|place'),
    members: words(
      'boiler|heating|tap|shower|toilet|roof|damp|mould|mold|leak|leaking|fridge|freezer|oven|washing machine|dishwasher|stairlift|landlord|radiator|window|windows|door|lock|wifi|router|drain|sink|ceiling|garden|fence',
    ),
  },
  money: {
    general: words('money|finances|finance|owe|owes|owed|debt|debts|budget|savings'),
    members: words(
      'owe|owes|owed|lent|lend|loan|loaned|borrowed|borrow|paid|pay|rent|salary|rate|invoice|invoices|bill|bills|mortgage|savings|saving|deposit|budget',
    ),
  },
  study: {
    general: words('study|studying|studies|degree|course|courses|major|subject|subjects'),
    members: words(
      'uni|university|college|school|phd|masters|bachelor|year|module|modules|thesis|dissertation|sci|science|psych|psychology|engineering|law|medicine|nursing|history|maths|math',
    ),
  },
  currency: {
    general: words('currency|currencies|money|amounts|prices'),
    members: words(
      'inr|usd|eur|gbp|aud|cad|nzd|zar|jpy|chf|sek|nok|dkk|pln|mxn|brl|sgd|aed|rupees|dollars|euros|pounds|quid|yen',
    ),
  },
  event: {
    general: words('wedding|party|event|celebration|reception|ceremony'),
    members: words(
      'venue|wedding|reception|ceremony|photographer|caterer|catering|dj|band|guests|guest list|dress|suit|rings|cake|florist',
    ),
  },
  sport: {
    general: words('sport|sports|exercise|workout|workouts|fitness|training'),
    members: words(
      'gym|run|running|yoga|swim|swimming|football|soccer|tennis|cycling|climbing|hiking|marathon|pilates|crossfit|boxing|class',
    ),
  },
  vehicle: {
    general: words('car|cars|vehicle|vehicles|van|vans|truck|motor|wheels'),
    members: words(
      'honda|suzuki|bmw|ford|toyota|volkswagen|vw|tesla|nissan|kia|hyundai|audi|mercedes|skoda|vauxhall|opel|peugeot|renault|citroen|fiat|mazda|subaru|volvo|mini|jeep|chevy|chevrolet|dodge|ram|lexus|porsche|land rover|range rover|transit|vivaro|corolla|civic|golf|polo|fiesta|focus|prius|model 3|model y|leaf|yaris|clio|corsa|astra|octavia|sprinter|hilux|f-150',
    ),
  },
  bike: {
    general: words('bike|bikes|motorbike|motorbikes|motorcycle|motorcycles|scooter|moped'),
    members: words(
      'honda|yamaha|kawasaki|suzuki|triumph|ducati|harley|ktm|bmw|vespa|royal enfield|aprilia|ebike|e-bike|brompton|trek|specialized|cannondale|giant|scott|bianchi|canyon|cube|boardman',
    ),
  },
  work: {
    general: words('work|job|career|office|company'),
    members: words('employer|team|manager|boss|role|title|colleague|project|client|startup|salary'),
  },
}

/** The words a general word stands for ("databases" → postgres, pgvector, …); empty for other words. */
export function topicWords(word: string): string[] {
  const w = word.toLowerCase()
  for (const t of Object.values(TOPICS))
    if (t.general.includes(w)) return [...t.general, ...t.members]
  return []
}

/** Other names for the same person or thing, so questions match what was said. */
const ALIASES: Record<string, string> = {
  bday: 'birthday',
  'b-day': 'birthday',
  meds: 'medication',
  medicine: 'medication',
  pills: 'medication',
  temps: 'temperature',
  postcode: 'address',
  zipcode: 'address',
  'zip code': 'address',
  diabetes: 'diabetic',
  allergies: 'allergic',
  allergy: 'allergic',
  job: 'work',
  employer: 'work',
  company: 'work',
  replies: 'answer',
  reply: 'answer',
  responses: 'answer',
  response: 'answer',
  answers: 'answer',
  gp: 'doctor',
  physician: 'doctor',
  doc: 'doctor',
  dr: 'doctor',
  'dr.': 'doctor',
  employee: 'staff',
  employees: 'staff',
  staffer: 'staff',
  workers: 'staff',
  profe: 'teacher',
  tutor: 'teacher',
  instructor: 'teacher',
  mum: 'mom',
  mother: 'mom',
  mama: 'mom',
  // Other Englishes' words for a mother or a father ("mam", "amma", "daddy").
  mam: 'mom',
  mammy: 'mom',
  mummy: 'mom',
  mommy: 'mom',
  amma: 'mom',
  ammi: 'mom',
  father: 'dad',
  papa: 'dad',
  daddy: 'dad',
  // One word spelt two ways: "practise German" and "I practice with Frau Krüger".
  practise: 'practice',
  licence: 'license',
  boss: 'manager',
  gaffer: 'manager',
  foreman: 'manager',
  'team lead': 'manager',
  supervisor: 'manager',
  'line manager': 'manager',
  gf: 'girlfriend',
  bf: 'boyfriend',
  hubby: 'husband',
  'co-worker': 'coworker',
  colleague: 'coworker',
  physio: 'physiotherapist',
  puppy: 'dog',
  kitten: 'cat',
  greyhound: 'dog',
  labrador: 'dog',
  retriever: 'dog',
  terrier: 'dog',
  spaniel: 'dog',
  poodle: 'dog',
  collie: 'dog',
  beagle: 'dog',
  pug: 'dog',
  husky: 'dog',
  dachshund: 'dog',
  bulldog: 'dog',
  corgi: 'dog',
  whippet: 'dog',
  tabby: 'cat',
}

/**
 * A son or daughter named the way many Englishes do, only after "my" or "our": "my lad Kyle is 20",
 * "our boy starts school" (a lad or a boy on their own is anyone's).
 */
const KIN_SAID: [RegExp, string][] = [
  [/\b(?:my|our)\s+(?:(?:eldest|oldest|youngest|little|wee|big)\s+)?(?:lad|boy|laddie)\b/iu, 'son'],
  [/\b(?:my|our)\s+(?:eldest|oldest|youngest|little|wee)\s+(?:girl|lass)\b/iu, 'daughter'],
]

/** The relations a text names by other words than the relation's own ("my lad" → "son"). */
export const kinSaid = (text: string): string[] =>
  KIN_SAID.filter(([said]) => said.test(text)).map(([, who]) => who)

/** The usual name for a relation noun ("gp" → "doctor", "mum" → "mom"). */
export const canonical = (noun: string): string => ALIASES[noun.toLowerCase()] ?? noun.toLowerCase()

/** Someone whose work is looking after the person: "my GP", "the physio", "Dr Okafor", "landlord". */
export const PROFESSIONAL =
  /^(?:my\s+|our\s+|the\s+)?(?:doctor|gp|dr\.?\s+\S+|dentist|physio|physiotherapist|vet|optician|optometrist|consultant|specialist|surgeon|nurse|midwife|pharmacist|therapist|counsellor|counselor|psychiatrist|dermatologist|cardiologist|neurologist|audiologist|radiologist|oncologist|pediatrician|paediatrician|chiropractor|osteopath|mechanic|accountant|lawyer|solicitor|landlord|letting agent|manager|boss|supervisor|teacher|tutor|coach|trainer)$/iu
