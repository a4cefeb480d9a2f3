// The words people type, mapped to the words the guide uses (here) and to the facts they
// state (./phrases.ts). Data only: core/search.ts and core/fact-phrases.ts interpret it.
export { FACT_PHRASES } from './phrases';
export type { FactPhrase } from './phrases';

/**
 * English filler dropped from queries and the index. Kept conservative: words that carry
 * licensing meaning ("new", "same", "own", "used", "home", "four") must stay searchable.
 * "whether", "either", "neither" are here so that "weather" cannot fuzzily match them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can cannot could did do does doing done down during each either else etc even ever ' +
    'few for from further get gets getting got had has have having he her here hers herself him himself his ' +
    'how however i if in into is it its itself just let lets like me might more most much must my myself ' +
    'neither no nor not now of off on once only or other others otherwise our ours ourselves out over own ' +
    'please quite rather really said say says shall she should so some still such than thank thanks that the ' +
    'their theirs them themselves then there these they this those though through thus to too under until ' +
    'up upon us use uses using very want wants was we well were what whatever when where whether which while ' +
    'who whom whose why will with within without would yes yet you your yours yourself hi hello hey ok okay ' +
    'question questions know tell today tomorrow yesterday thing things way e g eg ie need needs needed ' +
    'allowed able possible okay help ask asking wondering sure anyone somebody someone'
  ).split(/\s+/),
);

/**
 * Words every question uses and the guide's titles share ("reach our VDI", "a new license"):
 * they count for a third of a word, so the nouns decide which section answers, and "I need a
 * new phone" does not find the motherboard section.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  'reach reaching reached access accessing accessed allow allows allowed run running runs work working want able also new old'.split(' '),
);

/**
 * When a user phrase appears in a query, the guide's words for it are searched too (at a
 * lower weight than the words typed). One-directional on purpose: "listed provider" must not
 * pull in "aws", which the guide never names.
 */
export interface Synonym {
  /** Lowercase word sequences as typed, matched on whole words. */
  match: readonly string[];
  /** The guide's words for it. */
  add: string;
  /**
   * How much the guide's words count against one typed word: 0.5 by default (related words),
   * 1 where the user's word simply names what the guide calls otherwise ("aws" is a Listed Provider).
   */
  weight?: number;
}

export const SYNONYMS: readonly Synonym[] = [
  { match: ['e3', 'e5', 'e3/e5'], add: 'enterprise e3 e5 per user' },
  { match: ['vda', 'virtual desktop access'], add: 'vda virtual desktop access' },
  { match: ['sa', 'software assurance'], add: 'software assurance sa' },
  {
    match: ['aws', 'amazon', 'amazon web services', 'ec2', 'google cloud', 'gcp', 'google', 'alibaba', 'alibaba cloud', 'aliyun', 'public cloud', 'hyperscaler'],
    add: 'listed provider',
    weight: 1,
  },
  { match: ['listed provider', 'listed providers'], add: 'listed provider' },
  { match: ['qmth', 'multitenant', 'multi tenant', 'multi-tenant', 'shared servers', 'shared hosting'], add: 'qualified multitenant hosting qmth', weight: 1 },
  { match: ['wvd', 'avd', 'azure virtual desktop', 'windows virtual desktop'], add: 'windows virtual desktop wvd', weight: 1 },
  { match: ['azure ad', 'aad', 'entra', 'entra id', 'azure active directory'], add: 'azure ad activation' },
  { match: ['thin client', 'thin clients', 'zero client', 'zero clients', 'wyse', 'igel'], add: 'thin client' },
  { match: ['home edition', 'home premium', 'windows home'], add: 'home qualifying' },
  { match: ['byod', 'bring your own device', 'personal device', 'personal devices', 'own device', 'own devices', 'private device', 'private devices'], add: 'bring your own device byod personal', weight: 1 },
  { match: ['byocd', 'companion device', 'companion devices', 'bring your own companion device'], add: 'companion device byocd', weight: 1 },
  {
    match: ['refurbisher', 'refurbishers', 'refurbish', 'refurbishing', 'refurbished', 'reconditioned', 'renewed', 'remanufactured', 'recertified'],
    add: 'refurbished',
  },
  { match: ['coa', 'coas'], add: 'certificate authenticity coa' },
  {
    match: ['certificate of authenticity', 'certificates of authenticity', 'license sticker', 'license label', 'windows sticker', 'product key sticker', 'coa sticker', 'coa label'],
    add: 'coa certificate authenticity',
    weight: 1,
  },
  { match: ['imaging', 'reimage', 're-image', 'reimaging', 're-imaging', 'golden image', 'deploy image', 'image deployment'], add: 'upgrade imaging installation services' },
  {
    match: ['downgrade', 'downgrading', 'older version', 'old version', 'previous version', 'earlier version', 'prior version', 'legacy version', 'older windows', 'windows 7', 'win7', 'windows 8', 'windows 8.1',
      'windows vista', 'windows xp', 'instead of windows 10', 'instead of windows 11'],
    add: 'prior version downgrade rights',
    weight: 1,
  },
  { match: ['vlsc', 'volume licensing service center', 'volume licensing service centre'], add: 'vlsc volume licensing service center' },
  { match: ['vl', 'volume license', 'volume licence', 'enterprise agreement', 'ea'], add: 'volume licensing' },
  { match: ['daas', 'desktop as a service'], add: 'daas outsourcing third party' },
  {
    match: ['rds', 'rdsh', 'terminal server', 'terminal servers', 'terminal services', 'session host', 'citrix', 'xenapp', 'remote desktop services'],
    add: 'remote desktop session host rdsh terminal services',
    weight: 1,
  },
  { match: ['m365', 'microsoft 365', 'o365', 'office 365'], add: 'microsoft 365' },
  { match: ['oem', 'preinstalled', 'pre-installed', 'pre installed', 'came with the pc'], add: 'oem preinstalled' },
  { match: ['retail', 'boxed', 'fpp', 'full packaged product', 'store bought'], add: 'retail' },
  { match: ['motherboard', 'mainboard', 'main board', 'system board', 'logic board'], add: 'motherboard' },
  {
    match: ['hosting', 'hoster', 'hosters', 'hosting provider', 'outsourcer', 'outsource', 'outsourcing', 'msp', 'managed service provider', 'colocation', 'third party', 'third-party', 'data center provider'],
    add: 'authorized outsourcer outsourcing third party',
  },
  { match: ['vm', 'vms', 'virtual machine', 'virtual machines', 'virtualization', 'virtualisation', 'hyper-v', 'vmware', 'virtualbox', 'guest os'], add: 'virtual machine vm' },
  { match: ['vdi', 'virtual desktop infrastructure', 'virtual desktops', 'remote desktops'], add: 'vdi virtual desktop' },
  { match: ['laptop', 'laptops', 'notebook', 'notebooks', 'computer', 'computers', 'desktop pc', 'workstation', 'workstations'], add: 'pc' },
  { match: ['second hand', 'second-hand', 'secondhand', 'pre-owned', 'preowned'], add: 'used' },
  { match: ['sell', 'resell', 'sold', 'selling', 'donate', 'give away', 'hand over', 'new owner'], add: 'sold' },
  { match: ['lsp', 'licensing solution provider', 'reseller'], add: 'lsp licensing solution provider' },
  { match: ['verification form', 'signed form', 'form'], add: 'license verification form' },
  { match: ['contractor', 'contractors', 'consultant', 'consultants', 'freelancer', 'freelancers', 'external staff'], add: 'contractor' },
  { match: ['tablet', 'tablets', 'ipad', 'ipads'], add: 'tablet personal device' },
  { match: ['personal tablet', 'personal tablets', 'own tablet', 'own tablets', 'private tablet', 'private tablets'], add: 'companion' },
  { match: ['work laptop', 'work laptops', 'work pc', 'work pcs', 'work device', 'work devices', 'work computer', 'primary device'], add: 'primary work device' },
  { match: ['work from home', 'working from home', 'home office', 'travel', 'travelling', 'traveling', 'roaming', 'on the road'], add: 'roaming home travelling' },
  { match: ['cal', 'cals', 'client access license', 'client access licence'], add: 'cal client access license' },
  { match: ['how many', 'number of', 'concurrent', 'simultaneous', 'at the same time', 'at once'], add: 'instances four concurrent' },
  { match: ['licence', 'licences', 'licenced'], add: 'license' },
  { match: ['os', 'oses'], add: 'operating system', weight: 1 },
  {
    match: ['old license', 'old licence', 'old windows license', 'old windows licence', 'existing license', 'existing windows license', 'same license', 'same windows license', 'current license'],
    add: 'original',
  },
];
