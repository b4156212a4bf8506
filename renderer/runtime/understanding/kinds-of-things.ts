/**
 * Well-known things people choose between — products, services, tools, banks, carriers, shops —
 * by what kind of thing each is, so that "switched to Qdrant" can replace "we use pgvector" (both
 * vector databases) but not "I use VS Code", and "got a Pixel 8 now" can replace "my phone is an
 * iPhone 12". World knowledge the sentences do not carry; hand-collected names, each in one kind.
 *
 * A name written with a capital here is matched only when written with one (Linear, Notion, Chase,
 * Three, Go, Rust, Golf and Windows are ordinary words too); a lower-case name matches however it
 * is typed.
 */

interface Kind {
  /** Words a person uses for this kind of thing ("bank", "vector db"). */
  readonly nouns: readonly string[]
  readonly names: readonly string[]
}

const KINDS: Readonly<Record<string, Kind>> = {
  'vector database': {
    nouns: [
      'vector db',
      'vector database',
      'vector store',
      'vector search',
      'embeddings store',
      'embeddings',
    ],
    names: [
      'qdrant',
      'pgvector',
      'pinecone',
      'weaviate',
      'milvus',
      'Chroma',
      'chromadb',
      'faiss',
      'lancedb',
      'vespa',
    ],
  },
  database: {
    nouns: ['database', 'db', 'datastore', 'data store'],
    names: [
      'postgres',
      'postgresql',
      'mysql',
      'mariadb',
      'sqlite',
      'mongodb',
      'mongo',
      'dynamodb',
      'cassandra',
      'Oracle',
      'sql server',
      'supabase',
      'firebase',
      'firestore',
      'cockroachdb',
      'planetscale',
      'Neon',
      'clickhouse',
      'snowflake',
      'bigquery',
      'duckdb',
    ],
  },
  'issue tracker': {
    nouns: [
      'tickets',
      'ticketing',
      'issue tracker',
      'tracker',
      'project management',
      'bug tracker',
      'backlog',
    ],
    names: [
      'jira',
      'Linear',
      'trello',
      'asana',
      'clickup',
      'Shortcut',
      'youtrack',
      'Basecamp',
      'github issues',
      'azure devops',
    ],
  },
  'code editor': {
    nouns: ['editor', 'ide', 'code editor'],
    names: [
      'vs code',
      'vscode',
      'visual studio code',
      'neovim',
      'nvim',
      'vim',
      'emacs',
      'intellij',
      'pycharm',
      'webstorm',
      'sublime text',
      'Sublime',
      'Atom',
      'Zed',
      'Cursor',
      'xcode',
      'android studio',
      'Helix',
    ],
  },
  cloud: {
    nouns: ['cloud', 'hosting', 'cloud provider'],
    names: [
      'aws',
      'gcp',
      'google cloud',
      'azure',
      'digitalocean',
      'heroku',
      'vercel',
      'netlify',
      'fly.io',
      'Render',
      'hetzner',
      'linode',
      'cloudflare',
      'ovh',
    ],
  },
  ci: {
    nouns: ['ci', 'ci/cd', 'build server'],
    names: [
      'github actions',
      'jenkins',
      'circleci',
      'gitlab ci',
      'travis ci',
      'Travis',
      'buildkite',
      'teamcity',
      'bitbucket pipelines',
    ],
  },
  'frontend framework': {
    nouns: ['frontend', 'front end', 'front-end', 'ui framework', 'framework'],
    names: [
      'React',
      'vue',
      'vue.js',
      'svelte',
      'sveltekit',
      'angular',
      'solidjs',
      'next.js',
      'nextjs',
      'nuxt',
      'Remix',
      'Astro',
      'Ember',
    ],
  },
  'programming language': {
    nouns: ['programming language', 'language'],
    names: [
      'python',
      'javascript',
      'typescript',
      'Go',
      'golang',
      'Rust',
      'java',
      'kotlin',
      'Swift',
      'c#',
      'c++',
      'Ruby',
      'php',
      'elixir',
      'scala',
      'haskell',
      'clojure',
      'Dart',
      'Julia',
    ],
  },
  'chat app': {
    nouns: ['chat', 'messaging', 'team chat', 'messenger'],
    names: [
      'slack',
      'microsoft teams',
      'Teams',
      'discord',
      'mattermost',
      'whatsapp',
      'telegram',
      'Signal',
    ],
  },
  'video calls': {
    nouns: ['video calls', 'video call', 'video conferencing', 'meetings app'],
    names: ['zoom', 'google meet', 'webex', 'skype', 'facetime'],
  },
  'notes app': {
    nouns: ['notes app', 'note-taking', 'note taking', 'notes'],
    names: [
      'Notion',
      'obsidian',
      'evernote',
      'onenote',
      'Bear',
      'logseq',
      'roam research',
      'apple notes',
      'google keep',
    ],
  },
  'to-do app': {
    nouns: ['to-do app', 'todo app', 'to do app', 'to-do list', 'todo list', 'task app'],
    names: ['todoist', 'Things', 'Things 3', 'ticktick', 'microsoft to do', 'omnifocus', 'any.do'],
  },
  'design software': {
    nouns: ['design software', 'design app', 'design tools', 'graphics software'],
    names: [
      'Illustrator',
      'adobe illustrator',
      'indesign',
      'photoshop',
      'Affinity',
      'affinity designer',
      'affinity photo',
      'affinity publisher',
      'figma',
      'Sketch',
      'canva',
      'gimp',
      'inkscape',
      'procreate',
      'coreldraw',
    ],
  },
  'accounting software': {
    nouns: ['accounting software', 'accounts software', 'bookkeeping software', 'bookkeeping'],
    names: ['xero', 'quickbooks', 'freeagent', 'Sage', 'wave accounting', 'freshbooks', 'myob'],
  },
  'password manager': {
    nouns: ['password manager', 'passwords'],
    names: ['1password', 'lastpass', 'bitwarden', 'dashlane', 'keepass', 'keepassxc'],
  },
  'cloud storage': {
    nouns: ['cloud storage', 'backups', 'backup', 'file storage'],
    names: ['dropbox', 'google drive', 'onedrive', 'icloud', 'icloud drive', 'backblaze'],
  },
  email: {
    nouns: ['email', 'e-mail', 'mail', 'email provider'],
    names: [
      'gmail',
      'Outlook',
      'outlook.com',
      'protonmail',
      'proton mail',
      'fastmail',
      'hotmail',
      'yahoo mail',
    ],
  },
  browser: {
    nouns: ['browser', 'web browser'],
    names: [
      'Chrome',
      'google chrome',
      'firefox',
      'Safari',
      'microsoft edge',
      'Edge',
      'Brave',
      'Arc',
      'Opera',
      'vivaldi',
    ],
  },
  'operating system': {
    nouns: ['os', 'operating system'],
    names: [
      'Windows',
      'windows 11',
      'windows 10',
      'macos',
      'linux',
      'ubuntu',
      'fedora',
      'debian',
      'arch linux',
      'chromeos',
      'linux mint',
    ],
  },
  phone: {
    nouns: ['phone', 'mobile', 'handset', 'smartphone'],
    names: [
      'iphone',
      'Pixel',
      'google pixel',
      'Galaxy',
      'samsung galaxy',
      'oneplus',
      'nokia',
      'motorola',
      'xiaomi',
      'huawei',
      'oppo',
      'fairphone',
    ],
  },
  'phone network': {
    nouns: ['mobile network', 'phone network', 'network', 'carrier', 'phone contract', 'sim'],
    names: [
      'EE',
      'vodafone',
      'O2',
      'Three',
      'giffgaff',
      'tesco mobile',
      'voxi',
      'smarty',
      'lebara',
      'verizon',
      'at&t',
      't-mobile',
    ],
  },
  bank: {
    nouns: ['bank', 'current account', 'banking'],
    names: [
      'monzo',
      'starling',
      'barclays',
      'hsbc',
      'lloyds',
      'natwest',
      'santander',
      'nationwide',
      'revolut',
      'halifax',
      'tsb',
      'metro bank',
      'first direct',
      'co-op bank',
      'Chase',
      'wells fargo',
      'bank of america',
      'citibank',
      'ING',
      'n26',
      'Wise',
      'rbs',
      'bank of scotland',
      'bank of ireland',
      'ulster bank',
      'AIB',
    ],
  },
  'energy supplier': {
    nouns: ['energy supplier', 'energy', 'electricity', 'gas and electric', 'gas supplier'],
    names: [
      'Octopus',
      'octopus energy',
      'british gas',
      'edf',
      'e.on',
      'eon',
      'ovo',
      'scottish power',
      'so energy',
      'utility warehouse',
    ],
  },
  broadband: {
    nouns: ['broadband', 'internet', 'internet provider', 'isp', 'wifi provider'],
    names: [
      'BT',
      'sky broadband',
      'virgin media',
      'talktalk',
      'plusnet',
      'hyperoptic',
      'community fibre',
      'comcast',
      'xfinity',
    ],
  },
  music: {
    nouns: ['music', 'music app', 'music streaming'],
    names: [
      'spotify',
      'apple music',
      'tidal',
      'youtube music',
      'deezer',
      'amazon music',
      'soundcloud',
    ],
  },
  'tv streaming': {
    nouns: ['tv', 'streaming service', 'streaming', 'telly'],
    names: [
      'netflix',
      'disney+',
      'disney plus',
      'prime video',
      'amazon prime',
      'hulu',
      'now tv',
      'hbo max',
      'apple tv',
      'paramount+',
      'britbox',
    ],
  },
  supermarket: {
    nouns: ['supermarket', 'food shop', 'groceries', 'big shop', 'weekly shop', 'grocery store'],
    names: [
      'tesco',
      "sainsbury's",
      'sainsburys',
      'asda',
      'aldi',
      'lidl',
      'waitrose',
      'morrisons',
      'ocado',
      'm&s',
      'Co-op',
      'Iceland',
      'whole foods',
      "trader joe's",
      'kroger',
      'costco',
      'walmart',
    ],
  },
  gym: {
    nouns: ['gym'],
    names: [
      'puregym',
      'pure gym',
      'the gym group',
      'david lloyd',
      'anytime fitness',
      'planet fitness',
      'virgin active',
      'nuffield health',
    ],
  },
  'fitness tracker': {
    nouns: ['watch', 'fitness tracker', 'smartwatch', 'tracker'],
    names: [
      'apple watch',
      'garmin',
      'fitbit',
      'whoop',
      'oura',
      'oura ring',
      'Polar',
      'coros',
      'amazfit',
    ],
  },
  car: {
    nouns: ['car', 'motor', 'vehicle'],
    names: [
      'toyota',
      'ford',
      'VW',
      'volkswagen',
      'bmw',
      'tesla',
      'honda',
      'nissan',
      'kia',
      'hyundai',
      'audi',
      'mercedes',
      'vauxhall',
      'peugeot',
      'renault',
      'skoda',
      'SEAT',
      'volvo',
      'mazda',
      'fiat',
      'citroen',
      'Mini',
      'subaru',
      'suzuki',
      'lexus',
      'Jaguar',
      'land rover',
      'range rover',
      'polestar',
      'BYD',
      'MG',
      'corsa',
      'fiesta',
      'Golf',
      'Polo',
      'Civic',
      'yaris',
      'prius',
      'qashqai',
      'Focus',
      'octavia',
      'Clio',
      'Model 3',
      'Model Y',
      'Model S',
      'Model X',
    ],
  },
}

interface Named {
  readonly kind: string
  /** The name as the table has it, in lower case. */
  readonly name: string
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')

/** Names bounded so that "EE" is not inside "EEK" nor "Go" inside "Google". */
const pattern = (names: readonly string[], flags: string): RegExp | null =>
  names.length === 0
    ? null
    : new RegExp(
        `(?<![\\p{L}\\p{N}])(${[...names]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|')})(?![\\p{L}\\p{N}+#])`,
        flags,
      )

const PATTERNS: ReadonlyArray<{ kind: string; res: RegExp[] }> = Object.entries(KINDS).map(
  ([kind, { names }]) => ({
    kind,
    res: [
      pattern(
        names.filter((n) => n !== n.toLowerCase()),
        'gu',
      ),
      pattern(
        names.filter((n) => n === n.toLowerCase()),
        'giu',
      ),
    ].filter((r): r is RegExp => r !== null),
  }),
)

/** The well-known things a text names, each with its kind ("switched to Qdrant" → vector database). */
export function namedThings(text: string): Named[] {
  const out: Named[] = []
  for (const { kind, res } of PATTERNS)
    for (const re of res)
      for (const m of text.matchAll(re)) out.push({ kind, name: m[1]!.toLowerCase() })
  return out
}

/**
 * Words that may follow the kind asked about: "which bank am I with?", "what car do I drive?", "what
 * do we use for tickets?" — but not another noun it describes ("my phone number", "my gym
 * membership fee", "my car's mileage").
 */
const AFTER_KIND =
  /^(?:$|(?:do|does|did|am|are|is|was|were|have|has|had|i|we|you|they|he|she|it|my|our|with|for|at|on|in|to|from|now|these|this|currently|again|and|or|then|right|that|which|who)\b)/u

/** The kinds of thing a question asks about by their nouns ("which bank am I with?" → bank). */
export function kindsAsked(question: string): string[] {
  const q = question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/+'’-]+/gu, ' ')
    .trim()
  return Object.entries(KINDS)
    .filter(([, { nouns }]) =>
      nouns.some((n) =>
        [
          ...q.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}s?(?![\\p{L}\\p{N}'’])`, 'gu')),
        ].some((m) => AFTER_KIND.test(q.slice(m.index + m[0].length).trim())),
      ),
    )
    .map(([kind]) => kind)
}
