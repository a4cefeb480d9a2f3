import type { TopicId } from '../core/types';

// Phrases that state fact values of a topic, for the "Check my case" suggestion of free
// questions. Values must be values of the topic's fact (a test checks the whole table).

/**
 * A phrase that, found in a user's text, states fact values of one topic. Patterns are
 * regular-expression sources matched on lowercased text with whole-word edges; a match right
 * after a negation in the same clause ("we don't use thin clients") is ignored, so negated
 * statements need their own entry ("no coa" -> coa=no). For each fact the longest phrase wins
 * ("vda e3" over "e3"); a blocking entry wins that way without stating anything.
 */
export interface FactPhrase {
  topic: TopicId;
  set: Readonly<Record<string, string>>;
  /** Facts whose words this phrase takes without stating a value ("office 365 e3" for `license`). */
  blocks?: readonly string[];
  patterns: readonly string[];
}

const PC = '(?:pcs?|laptops?|computers?|desktops?|notebooks?|machines?|workstations?|devices?)';
const BOARD = '(?:motherboards?|mainboards?|main boards?|system boards?|logic boards?)';
const COA = '(?:windows )?(?:coas?|certificates? of authenticity)(?: (?:stickers?|labels?))?';
const ARTICLE = '(?:(?:a|an|the|its|their|our|my|his|her|any|this|that|these|those) )?';
const FORM = '(?:(?:signed|dated|signed and dated) )?(?:customer )?(?:licen[cs]e )?(?:verification )?form';
const LISTED = '(?:aws|amazon(?: web services)?|ec2|google cloud(?: platform)?|gcp|alibaba(?: cloud)?|aliyun|(?:a )?listed providers?)';
// "Windows 10 VMs" and "8.1 VMs" name a version, not a count.
const NOT_VERSION = '(?<!windows )(?<!win)(?<!server )(?<![.\\d])';
const MANY = `(?:five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens of|${NOT_VERSION}(?:[5-9]|[1-9]\\d{1,3}))`;
const FEW = `(?:one|two|three|four|a couple of|${NOT_VERSION}[1-4])`;
const INSTANCES = '(?:(?:concurrent|simultaneous|parallel|windows|local|virtual|separate|different|guest) )*(?:vms?|virtual machines?|instances?|virtual desktops?|cop(?:y|ies)|oses?|guests?)';
const OEM_RETAIL = [
  'oem (?:windows|licen[cs]es?|versions?|cop(?:y|ies)|keys?|editions?|installs?|installations?|software)',
  '(?:windows|licen[cs]es?|keys?|cop(?:y|ies)) (?:is |was |are |were )?(?:an? )?oem(?! (?:wants|asks|says|needs|requires|partners?))',
  'oem ?(?:/|or|and) ?retail',
  'pre-?installed',
  'pre installed',
  'came (?:pre-?loaded|installed|bundled)',
  '(?:bought|buy|purchased|got) (?:it |windows |them )?(?:at|in|from) (?:a )?(?:retail|store|shop)',
  'retail (?:licen[cs]es?|cop(?:y|ies)|versions?|box(?:es)?|windows|keys?|editions?|channel)',
  '(?:boxed|full packaged product|fpp)',
];

export const FACT_PHRASES: readonly FactPhrase[] = [
  // refurbished-pc
  {
    topic: 'refurbished-pc',
    set: { motherboard: 'upgraded' },
    patterns: [
      `upgrad(?:e|ed|ing) ${ARTICLE}${BOARD}`,
      `${BOARD} (?:was |were |is |has been |got |have been )?upgraded`,
      '(?:motherboard|mainboard) upgrades?',
      `(?:better|faster|newer|more powerful|gaming) ${BOARD}`,
      `(?:replaced|swapped|changed|replacing|swapping) ${ARTICLE}(?:original |old )?${BOARD} (?:with|for) (?:an? )?(?:better|faster|newer|more powerful|new|modern)`,
      `(?:replaced|swapped|changed) ${ARTICLE}${BOARD} (?:for|to get) (?:more |better )?(?:performance|speed)`,
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { motherboard: 'replaced-same-model' },
    patterns: [
      '(?:exact(?:ly)? )?(?:the )?(?:same|identical) (?:make|model|make and model|make, model and spec(?:ification)?|motherboard|mainboard|board|part)',
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { motherboard: 'replaced-equivalent' },
    patterns: [
      "(?:warranty|manufacturer'?s?|maker'?s?|oem'?s?) (?:replacement|equivalent|spare)(?: (?:motherboard|mainboard|board|part))?",
      '(?:equivalent|warranty) (?:motherboard|mainboard|board|replacement)',
      'replaced under warranty',
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { motherboard: 'replaced-different' },
    patterns: [
      '(?:different|another|other) (?:make|model|brand|type)(?: of)?(?: (?:motherboard|mainboard|board))?',
      '(?:motherboard|mainboard|board) (?:of|from) (?:a |another )?(?:different|other) (?:model|make|brand|vendor|manufacturer)',
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { motherboard: 'original' },
    patterns: [
      'original (?:motherboard|mainboard|board)',
      '(?:motherboard|mainboard) (?:is |was )?(?:still )?(?:unchanged|untouched|the original|original)',
      `(?:didn't|did not|never|haven't|have not|won't|will not|don't|do not) (?:change|replace|swap|touch|upgrade)d? ${ARTICLE}${BOARD}`,
      'no hardware changes',
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { coa: 'yes' },
    patterns: [
      `(?:has|have|had|with|got|carries|carry|comes with|came with|still has|still have) ${ARTICLE}${COA}`,
      `${COA} (?:is |are )?(?:still )?(?:affixed|attached|present|intact|on (?:it|them|the (?:pc|laptop|computer|case|chassis|bottom|machine)s?))`,
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { coa: 'no' },
    patterns: [
      `(?:no|without|missing|lost|lacks?|lacking|no longer (?:has|have)) ${ARTICLE}${COA}`,
      `(?:doesn't|does not|don't|do not|didn't|did not|hasn't|has not|haven't|have not)(?: (?:have|has|come with|carry|got))? ${ARTICLE}${COA}`,
      `${COA} (?:is |was |are |were |has been |have been )?(?:missing|gone|lost|removed|torn off|not there)`,
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { recovery: 'recovery-image' },
    patterns: [
      '(?:recovery|system|factory|hard[- ]?disk|hard[- ]?drive|disk) images?',
      'recovery partitions?',
      'images? of the (?:hard )?(?:disk|drive)',
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { recovery: 'original-media' },
    patterns: [
      '(?:original|oem) (?:recovery )?(?:media|discs?|dvds?|cds?|usb(?: sticks?| drives?)?)',
      'recovery (?:media|discs?|dvds?|cds?|usb(?: sticks?| drives?)?|kits?)',
      '(?:media|discs?|dvds?|cds?) (?:that )?came with (?:the|it|them|the (?:pc|laptop|computer))',
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { recovery: 'manufacturer-media' },
    patterns: [
      '(?:recovery )?(?:media|discs?|dvds?|usb) from the (?:original )?(?:manufacturer|maker|oem|vendor)',
      '(?:manufacturer|maker|oem|vendor) (?:can|could|will|would) (?:provide|send|supply|give us|sell us)',
      '(?:get|order|obtain|buy|request) (?:it|them|one|new media|replacement media) from the (?:original )?(?:manufacturer|maker|oem|vendor)',
      '(?:get|order|request|obtain|download|buy) (?:the |new |replacement )?recovery (?:media|discs?|dvds?|usb)(?: \\w+){0,3}? from (?:the )?(?:original )?(?:manufacturer|maker|oem|vendor)',
    ],
  },
  {
    topic: 'refurbished-pc',
    set: { recovery: 'none' },
    patterns: [
      'no (?:recovery )?(?:media|discs?|dvds?) (?:and|or|nor) (?:no )?(?:recovery )?(?:image|partition)',
      'no (?:recovery )?(?:image|partition) (?:and|or|nor) (?:no )?(?:recovery )?(?:media|discs?|dvds?)',
      '(?:neither|no) (?:the )?(?:recovery )?(?:media|image) nor (?:an? |the )?(?:recovery )?(?:media|image)',
      'nothing to reinstall from',
      '(?:no|without) (?:any )?(?:recovery|reinstall(?:ation)?) (?:options?|sources?|media or image)',
    ],
  },

  // used-pc
  {
    topic: 'used-pc',
    set: { transfer: 'whole-pc' },
    patterns: [
      `(?:sell|sold|selling|resell|resold|reselling|give away|giving away|gave away|donate|donated|donating|hand over|handing over|pass on|passing on) ${ARTICLE}(?:old |used |whole |entire |second[- ]hand )?${PC}`,
      '(?:whole|entire) (?:pc|computer|laptop|machine|desktop)',
      'new owners?',
      `(?:bought|buy|buying|purchased|got) ${ARTICLE}(?:used|second[- ]hand|pre-?owned) ${PC}`,
    ],
  },
  {
    topic: 'used-pc',
    set: { transfer: 'license-only' },
    patterns: [
      `(?:move|moving|moved|transfer|transferring|transferred|migrate|migrating|reuse|reusing|re-use|take|taking|carry|carrying|put|install|use) (?:[\\w']+ ){0,4}?(?:licen[cs]es?|product keys?|keys?) (?:[\\w']+ ){0,4}?(?:to|on|onto|into|for|in) ${ARTICLE}(?:another|new|different|other|second|replacement)(?: \\w+)? (?:pc|laptop|computer|desktop|machine|device|notebook|workstation|build|hardware)s?`,
      '(?:old|previous|broken|dead) (?:pc|laptop|computer)\'?s? (?:windows )?(?:licen[cs]e|key)',
    ],
  },
  {
    topic: 'used-pc',
    set: { with_media_and_coa: 'yes' },
    patterns: [
      '(?:with|including|together with|along with|plus) (?:the |its |all |all the |all its |all of its |original )?(?:(?:installation |install |recovery |original )?(?:media|discs?)|manuals?|documentation|paperwork|coa|certificate of authenticity)(?:(?:,|,? and|,? &|,? plus) (?:the |its )?(?:(?:installation |install |recovery |original )?(?:media|discs?)|manuals?|documentation|paperwork|coa|certificate of authenticity))+',
    ],
  },
  {
    topic: 'used-pc',
    set: { with_media_and_coa: 'no' },
    patterns: [
      `without ${ARTICLE}(?:(?:installation |install |recovery |original )?(?:media|discs?)|manuals?|documentation|paperwork|${COA})`,
      `(?:lost|missing|no|threw away|discarded|don't have|do not have|doesn't have|does not have) ${ARTICLE}(?:(?:installation |install |recovery |original )?(?:media|discs?)|manuals?|documentation|paperwork|${COA})`,
      `${COA} (?:is |was |are |were |has been )?(?:missing|gone|lost|removed|torn off)`,
    ],
  },

  // upgrade-imaging
  {
    topic: 'upgrade-imaging',
    set: { role: 'customer' },
    patterns: [
      "our (?:oem|lsp|licensing solution provider|hardware (?:vendor|supplier)|pc (?:vendor|supplier|maker)|supplier|system builder|imaging (?:partner|provider|vendor))s?",
      "(?:the|an?) (?:oem|lsp) (?:wants|asks|asked|requires|required|needs|is asking|insists|demands|sent us|says|told us)",
      "we(?: are|'re) (?:a |an |the )?(?:volume licensing |vl |enterprise )?customers?",
      '(?:we )?(?:order|ordered|ordering|request|requested) (?:the |an? )?(?:oem |lsp )?(?:imaging|upgrade installation|image installation)(?: services?)?',
    ],
  },
  {
    topic: 'upgrade-imaging',
    set: { role: 'oem-or-lsp' },
    patterns: [
      "we(?: are|'re) (?:an? |the )?(?:oem|lsp|licensing solution provider|system builder|imaging (?:partner|provider|service))",
      'as (?:an? |the )?(?:oem|lsp|licensing solution provider|system builder)',
      "(?:our|a|the) customers?(?:'s?)? (?:wants|asks|asked|ordered|orders|needs|requires|requested|pcs|computers|machines|form|order)",
      'for (?:our|a) customers?',
    ],
  },
  {
    topic: 'upgrade-imaging',
    set: { base_coa: 'all' },
    patterns: [
      `(?:all|every|each)(?: of)? (?:the |our |their |these |those )?${PC} (?:have|has|carry|carries|come with|came with|ship with|shipped with) ${ARTICLE}(?:windows )?(?:(?:10 )?pro )?(?:coas?|certificates? of authenticity|qualifying (?:base )?licen[cs]es?|windows (?:10 )?pro)`,
      'coas? on (?:all|every|each)',
    ],
  },
  {
    topic: 'upgrade-imaging',
    set: { base_coa: 'some' },
    patterns: [
      `(?:some|only some|a few|several|half|most|part)(?: of)? (?:the |our |their |these |those )?${PC} (?:have|has|carry|come with|came with|are missing|lack|don't have|do not have|have no) ${ARTICLE}(?:windows )?(?:(?:10 )?pro )?(?:coas?|certificates? of authenticity)`,
      `not (?:all|every|each)(?: of)? (?:the |our |their |these |those )?${PC} (?:have|has|carry|come with|came with)`,
      `mix(?:ture)? of ${PC} with and without`,
    ],
  },
  {
    topic: 'upgrade-imaging',
    set: { base_coa: 'none' },
    patterns: [
      `(?:none|not one) of (?:the |our |their |these |those )?${PC} (?:have|has|carry|carries|came with|come with)`,
      `(?:no|without) (?:a |any )?(?:coas?|certificates? of authenticity|qualifying (?:base )?(?:licen[cs]es?|os|operating system)) on (?:any|all)(?: of)? (?:the |our )?${PC}`,
      '(?:pcs|computers|machines|laptops|desktops|devices) (?:have|came with|come with) no (?:windows )?(?:coas?|certificates? of authenticity|qualifying (?:base )?(?:licen[cs]es?|os|operating system)|windows(?: licen[cs]es?)?)',
      `(?:bare[- ]metal|no[- ]os|os[- ]less) ${PC}`,
    ],
  },
  {
    topic: 'upgrade-imaging',
    set: { verification_form: 'returned' },
    patterns: [
      `(?:signed|sent|returned|submitted|completed|filled (?:in|out)|emailed|mailed|handed (?:in|over)|gave them)(?: and (?:signed|dated|sent|returned|submitted))* ${ARTICLE}${FORM}`,
      'form (?:has been|was|is|is already|has already been|was already) (?:signed|sent|returned|submitted|with (?:the|our) (?:oem|lsp))',
      '(?:oem|lsp|they) (?:has|have|got|received|already has|already have|already got) (?:the |our )?(?:signed )?(?:verification )?form',
    ],
  },
  {
    topic: 'upgrade-imaging',
    set: { verification_form: 'not-yet' },
    patterns: [
      `(?:wants|want|needs|need|asks for|asked for|asking for|requires|required|requests|requested|requesting|demands|insists on) (?:us to (?:sign|send|return|complete|fill (?:in|out)) )?${ARTICLE}(?:some )?${FORM}`,
      `(?:haven't|have not|hasn't|has not|didn't|did not|not yet|never|yet to)(?: yet)? (?:signed|sent|returned|submitted|completed|sign|send|return|submit|complete|filled (?:in|out)|fill (?:in|out)) ${ARTICLE}${FORM}`,
      'form (?:is |was |has )?(?:not yet|still not|not|hasn\'t been|has not been|never been) (?:signed|sent|returned|submitted)',
      `(?:before|without) (?:sending|returning|signing|submitting|completing) ${ARTICLE}${FORM}`,
    ],
  },

  // prior-versions
  {
    topic: 'prior-versions',
    set: { channel: 'volume-licensing' },
    patterns: [
      'volume licen[cs](?:e|es|ing|ed)',
      'vl(?: licen[cs]es?| agreement| customers?| contract)?',
      'enterprise agreements?',
      'select plus',
      'open (?:licen[cs]e|value)(?: agreements?)?',
      'mpsa',
      'products and services agreement',
      'ea (?:customers?|agreement|contract)',
    ],
  },
  {
    // The Volume Licensing Windows Upgrade of imaging is not a prior-version question.
    topic: 'prior-versions',
    set: {},
    blocks: ['channel'],
    patterns: ['(?:volume licensing|vl) (?:windows )?(?:(?:10 )?enterprise )?upgrades?(?: images?)?'],
  },
  { topic: 'prior-versions', set: { channel: 'oem-or-retail' }, patterns: OEM_RETAIL },
  {
    topic: 'prior-versions',
    set: { channel: 'volume-licensing', media: 'vlsc' },
    patterns: [
      'vlsc',
      'volume licensing service cent(?:er|re)',
      '(?:download|downloaded|downloading|get|got) (?:\\w+ ){0,3}?from (?:the )?(?:vl|volume licensing) (?:portal|site|website)',
    ],
  },
  {
    topic: 'prior-versions',
    set: { media: 'past-vl-media' },
    patterns: [
      '(?:old|past|previous|earlier|older|archived) (?:vl |volume licensing )?(?:media|kits?|shipments?|dvds?|cds?|discs?|install(?:ation)? media)',
      '(?:media|subscription|comprehensive) kits?',
      '(?:dvds?|cds?|discs?|media) (?:from|of) (?:a |an |our |the )?(?:past|previous|earlier|old|older) (?:shipments?|kits?|orders?)',
    ],
  },
  {
    topic: 'prior-versions',
    set: { media: 'reseller-media' },
    patterns: [
      '(?:media|dvds?|cds?|discs?|copies|install(?:ation)? media|isos?) (?:from|through|via|at) (?:a |an |our |the )?(?:microsoft )?resellers?',
      'resellers? (?:still )?(?:has|have|had|holds|stocks|sells|sold|offers|can (?:provide|supply|send)) (?:the |old |older |some )?(?:media|dvds?|cds?|discs?|copies|install)',
      "resellers?'?s? (?:stock|media|dvds?|cds?|discs?|inventory)",
    ],
  },
  {
    topic: 'prior-versions',
    set: { media: 'other-legal-media' },
    patterns: [
      'other (?:legally obtained |legal |legitimate )?(?:physical )?(?:media|dvds?|cds?|discs?)',
      'legally (?:obtained|acquired|purchased|bought) (?:physical )?(?:media|dvds?|cds?|discs?|copies|install(?:ation)? media)',
    ],
  },

  // virtual-machines: where
  {
    topic: 'virtual-machines',
    set: { where: 'local' },
    patterns: [
      'local (?:vms?|virtual machines?|virtuali[sz]ation|virtual (?:instances|oses?)|hyper-v|guests?)',
      'locally',
      'client hyper-v',
      'hyper-v on (?:my|our|a|the|their|his|her) (?:pc|laptop|desktop|workstation|windows)',
      'virtualbox',
      'vmware (?:workstation|player|fusion)',
      `(?:vms?|virtual machines?|hyper-v|virtuali[sz]ation|guests?) (?:[\\w']+ ){0,3}?on (?:the |my |our |a |his |her |their |each |every |your )?(?:own )?(?:windows (?:10 )?(?:pro |enterprise )?)?${PC}`,
    ],
  },
  {
    topic: 'virtual-machines',
    set: { where: 'own-datacenter' },
    patterns: [
      "(?:our |my |the company'?s? )?own (?:data ?cent(?:er|re)s?|servers?|hardware|hosts?|infrastructure)",
      'on[- ]prem(?:ise|ises)?',
      '(?:our|in-house|in house|internal|corporate|company) (?:data ?cent(?:er|re)s?|servers?|hyper-v hosts?|vmware hosts?|esxi hosts?|server room)',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { where: 'outsourcer' },
    patterns: [
      '(?:authori[sz]ed )?outsourc(?:er|ers|ing|ed)',
      'host(?:er|ers|ing (?:provider|company|partner|firm|service))',
      'managed service providers?',
      'msps?',
      'third[- ]party (?:data ?cent(?:er|re)s?|hosting|hosters?|servers?|providers?|hosts?|cloud)',
      'daas',
      'desktop as a service',
      'colocation',
      "(?:hoster|provider|partner)'?s? (?:own )?(?:data ?cent(?:er|re)s?|servers?)",
    ],
  },
  { topic: 'virtual-machines', set: { where: 'listed-provider' }, patterns: [LISTED] },
  {
    topic: 'virtual-machines',
    set: { where: 'azure' },
    patterns: ['(?:microsoft )?azure(?! virtual desktop)(?! ad)(?! active directory)'],
  },
  {
    topic: 'virtual-machines',
    set: { where: 'qmth' },
    patterns: ['qmth(?: partners?| providers?)?', '(?:qualified )?multi-?tenant hosting (?:partners?|providers?)'],
  },
  {
    topic: 'virtual-machines',
    set: { where: 'wvd' },
    patterns: ['wvd', 'avd', '(?:azure|windows) virtual desktop(?!s)'],
  },
  {
    topic: 'virtual-machines',
    set: { where: 'session-host' },
    patterns: [
      '(?:remote desktop )?session hosts?',
      'rdsh?',
      'remote desktop services',
      'terminal serv(?:er|ers|ices)',
      'citrix (?:virtual apps|xenapp)',
      'xenapp',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { where: 'outsourcer', hoster: 'uses-listed-provider' },
    patterns: [
      `(?:hoster|outsourcer|hosting (?:provider|partner|company)|msp|managed service provider) (?:(?!not |never |no )[\\w']+ ){0,2}?(?:uses|use|runs on|run on|is on|are on|hosted (?:on|in|at|by)|hosts (?:on|in)|built on|sits on|is in|relies on|on|in|at|from) (?:\\w+ ){0,2}?${LISTED}`,
    ],
  },
  {
    topic: 'virtual-machines',
    set: { where: 'qmth', hoster: 'uses-listed-provider' },
    patterns: [
      `(?:qmth|multi-?tenant hosting) (?:partner |provider )?(?:(?!not |never |no )[\\w']+ ){0,2}?(?:uses|use|runs on|run on|is on|are on|hosted (?:on|in|at|by)|hosts (?:on|in)|built on|sits on|is in|relies on|on|in|at|from) (?:\\w+ ){0,2}?${LISTED}`,
    ],
  },
  {
    topic: 'virtual-machines',
    set: { hoster: 'independent' },
    patterns: [
      `(?:hoster|outsourcer|provider|partner|msp|qmth|they) (?:[\\w']+ ){0,2}?(?:doesn't|does not|don't|do not|isn't|is not|aren't|are not|never) (?:use|run on|rely on|host on|sit on|on|in) (?:\\w+ ){0,2}?${LISTED}`,
      'independent (?:hosters?|outsourcers?|providers?|data ?cent(?:er|re)s?|hosting (?:providers?|partners?))',
      "(?:hoster|outsourcer|provider|partner|msp)'?s? own (?:data ?cent(?:er|re)s?|servers?|hardware)",
    ],
  },

  // virtual-machines: license
  {
    topic: 'virtual-machines',
    set: { license: 'enterprise-per-user' },
    patterns: [
      '(?:windows (?:10 )?)?enterprise e[35](?:/e5| or e5)?(?: per user)?',
      'enterprise (?:per user|user subscriptions?|subscription per user)',
      'e3(?:/e5| or e5)',
      'e[35](?: per user| user licen[cs]es?| subscriptions?)?',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { license: 'vda-per-user' },
    patterns: [
      '(?:windows )?vda e[35](?:/e5| or e5)?(?: per user)?',
      '(?:windows )?vda (?:per user|user licen[cs]es?|user subscriptions?|subscription per user)',
      'virtual desktop access (?:e[35]|per user)',
      'per[- ]user vda',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { license: 'vda-per-device' },
    patterns: ['(?:windows )?vda (?:per device|device licen[cs]es?)', 'per[- ]device vda', 'virtual desktop access per device'],
  },
  {
    topic: 'virtual-machines',
    set: { license: 'enterprise-per-device' },
    patterns: [
      '(?:windows (?:10 )?)?enterprise (?:with |\\+ ?|and |plus )?(?:active )?(?:software assurance|sa)(?: per device)?',
      'enterprise (?:per device|device licen[cs]es?)',
      '(?:software assurance|sa) (?:per device|on (?:the|our|those|these|all) (?:pcs|devices|machines|laptops|desktops))',
      'per[- ]device (?:enterprise|sa|software assurance)',
      '(?:with|have|has|under|covered by) (?:active )?(?:software assurance|sa)',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { license: 'm365' },
    patterns: ['(?:microsoft|ms) 365 (?:enterprise )?(?:e3|e5|f3)', 'm365 (?:enterprise )?(?:e3|e5|f3)', '(?:microsoft|ms) 365 enterprise', 'm365 enterprise'],
  },
  { topic: 'virtual-machines', set: { license: 'oem-or-retail' }, patterns: OEM_RETAIL },
  {
    // Not a Windows desktop license of the brief: Office 365 plans, education plans, add-ons.
    topic: 'virtual-machines',
    set: {},
    blocks: ['license'],
    patterns: [
      '(?:office 365|o365) (?:e1|e3|e5|f3|a1|a3|a5)',
      '(?:(?:microsoft|ms) 365|m365) a[35]',
      '(?:windows (?:10 )?)?education e[35]',
      '(?:enterprise |vda )?(?:e3|e5)?(?:/e5)? per user add-?ons?',
    ],
  },

  // virtual-machines: the rest
  {
    topic: 'virtual-machines',
    set: { instances: 'more-than-4' },
    patterns: [`${MANY} ${INSTANCES}`, 'more than (?:four|4)', '(?:over|beyond|exceed(?:s|ing)?) (?:four|4)(?! ?(?:gb|tb|cores?|cpus?|ghz))', '(?:five|[5-9]) or more'],
  },
  {
    topic: 'virtual-machines',
    set: { instances: '1-4' },
    patterns: [
      `${FEW} ${INSTANCES}`,
      '(?:up to|at most|no more than|maximum of|max(?:imum)?|not more than) (?:four|4|three|3|two|2)(?! ?(?:gb|tb|cores?|cpus?|ghz))',
      '(?:fewer|less) than (?:five|5|four|4|three|3)',
      '(?:four|4) or (?:fewer|less)',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { device_os: 'pro-or-enterprise' },
    patterns: [
      'windows (?:7|8|8\\.1|10) (?:pro|professional)',
      '(?:windows (?:7 |8 |8\\.1 |10 )?)?(?:pro|professional) (?:pcs?|laptops?|desktops?|devices?|editions?|machines?|workstations?)',
      `${PC} (?:running|with|licensed for|on|that run) windows (?:7 |8 |8\\.1 |10 )?(?:pro|professional|enterprise)(?! e[35])(?! (?:per|with|\\+|sa|software))`,
    ],
  },
  {
    topic: 'virtual-machines',
    set: { device_os: 'education' },
    patterns: ['windows (?:10 )?education(?! e[35])', 'education (?:editions?|pcs?|laptops?|devices?)'],
  },
  {
    topic: 'virtual-machines',
    set: { device_os: 'other' },
    patterns: [
      'home (?:edition|premium|version)',
      'windows (?:7 |8 |8\\.1 |10 |11 )?home',
      'thin[- ]?clients?',
      'zero[- ]?clients?',
      'chromebooks?',
      'ipads?',
      'macs',
      'macbooks?',
      'mac (?:computers?|laptops?)',
      'android (?:tablets?|devices?|phones?)',
      'linux (?:pcs?|laptops?|desktops?|machines?|devices?)',
      `${PC} (?:without|with no) (?:a |any )?(?:windows(?: licen[cs]es?)?|qualifying (?:os|operating system))`,
      'no qualifying (?:os|operating system)',
      'non-qualifying',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { primary_user: 'yes' },
    patterns: ['(?:is|are|am|as) (?:the |their |his |her )?primary users?', 'primary users? of (?:a|the|their|his|her|its) (?:\\w+ )?(?:device|pc|laptop|desktop)'],
  },
  {
    topic: 'virtual-machines',
    set: { primary_user: 'no' },
    patterns: [
      "(?:not|isn't|aren't|is not|are not|never|no longer) (?:the |their |a )?primary users?",
      '(?:no|without an?|without) primary (?:work )?(?:device|pc|users?)',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { win10_cu: 'yes' },
    patterns: ['(?:windows 10 )?creators update(?: or (?:later|newer))?', '(?:windows 10 )?(?:version )?(?:1703|1709|1803|1809|1903|1909|2004|20h2|21h1|21h2|22h2)'],
  },
  {
    topic: 'virtual-machines',
    set: { win10_cu: 'no' },
    patterns: [
      '(?:before|older than|earlier than|pre-?|prior to) (?:the )?(?:windows 10 )?creators update',
      'windows 10 (?:version )?(?:1507|1511|1607)',
      'windows (?:7|8|8\\.1) (?:vms?|virtual machines?|guests?|images?)',
    ],
  },
  {
    topic: 'virtual-machines',
    set: { aad_activation: 'yes' },
    patterns: ['(?:azure ad|aad|azure active directory|entra(?: id)?)(?:[- ]based)?(?: activation| joined| join)?'],
  },
  {
    topic: 'virtual-machines',
    set: { aad_activation: 'no' },
    patterns: [
      '(?:kms|mak|key management service|multiple activation keys?)(?: activation| keys?| server)?',
      "(?:no|without|not using|don't use|do not use|not) (?:azure ad|aad|azure active directory|entra)",
    ],
  },

  // vdi-license-choice
  {
    topic: 'vdi-license-choice',
    set: { devices: 'company-qualifying' },
    patterns: [
      '(?:company|corporate|company[- ]owned|corporate[- ]owned|business|office|managed) (?:pcs?|laptops?|desktops?|computers?|workstations?|notebooks?)',
      `${PC} (?:running|with|licensed for|that run|that have) windows (?:7 |8 |8\\.1 |10 )?(?:pro|professional|enterprise|education)(?! e[35])(?! (?:per|with|\\+|sa|software))`,
    ],
  },
  {
    topic: 'vdi-license-choice',
    set: { devices: 'thin-clients' },
    patterns: ['thin[- ]?clients?', 'zero[- ]?clients?', 'wyse terminals?', 'igel'],
  },
  {
    topic: 'vdi-license-choice',
    set: { devices: 'byod-no-qualifying' },
    patterns: [
      'byod',
      'bring[- ]your[- ]own[- ](?:devices?|pcs?|laptops?)',
      '(?:personal|private|own|employee[- ]owned|home) (?:devices?|pcs?|laptops?|computers?|tablets?|phones?|smartphones?|macs?)',
      'home (?:edition|premium)',
      'windows (?:7 |8 |8\\.1 |10 |11 )?home',
    ],
  },
  {
    topic: 'vdi-license-choice',
    set: { devices: 'companion' },
    patterns: [
      'byocd',
      'bring[- ]your[- ]own[- ]companion[- ]devices?',
      'companion devices?',
      '(?:primary )?work (?:devices?|pcs?|laptops?) (?:is |are )?(?:already )?(?:covered|licensed) (?:\\w+ ){0,3}?(?:sa|software assurance|vda|per device)(?:[^.?!]{0,60}?(?:personal|private|own) (?:tablets?|devices?|phones?|ipads?))?',
      '(?:plus|and|also|with) (?:a |their |his |her )?(?:personal|private|own) (?:tablets?|ipads?)',
    ],
  },
  {
    topic: 'vdi-license-choice',
    set: { devices: 'roaming' },
    patterns: [
      'roaming(?: users?)?',
      '(?:any|every) device',
      '(?:from |at )?home (?:and|or) (?:while |when )?travel(?:l?ing)?',
      '(?:while|when) travel(?:l?ing)?',
      'on the road',
      'from anywhere',
      '(?:work(?:ing)? )?from home',
      `(?:thin clients?|${PC}) at (?:work|the office)[^.?!]{0,60}?(?:at home|from home|travel(?:l?ing)?)`,
    ],
  },
  {
    topic: 'vdi-license-choice',
    set: { devices: 'contractor' },
    patterns: [
      "contractors?(?:'s?)?",
      'consultants?',
      'freelancers?',
      `(?:another|other|partner|external|third[- ]party|vendor'?s?) (?:organi[sz]ation|company|firm)'?s? ${PC}`,
      'external (?:staff|workers|users)',
    ],
  },
];
