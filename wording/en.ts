import type { Verdict } from '../core/types';

// Every sentence the product says that is not guide knowledge (knowledge/ holds that), in one
// place: the cards, the command line, the web pages and the bot all read it, so the product says
// the same thing everywhere and a translation has one file to start from. Sentences that take
// values are functions. Labels a user reads next to data ("Why", "Sources") are here too, so
// that a surface never spells them on its own.

const PRODUCT = 'Windows Licensing Assistant';

/**
 * The small print of every answer and every page: the answers restate dated sources in the
 * guide's words, and the customer's own agreement and the current Product Terms decide.
 */
const DISCLAIMER =
  "The assistant restates the cited Microsoft sources as of their dates, in its own words; this is guidance, not legal advice. The customer's own licensing agreement and the current Microsoft Product Terms govern.";

const guideVersion = (version: string) => `Guide version ${version}.`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2026-12-03" as "3 December 2026": unambiguous wherever the record is read. */
const day = (iso: string) => {
  const [year, month, date] = iso.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]} ${year}`;
};

/** The verdict as a headline: the words carry it, colour only repeats it. */
const VERDICT_HEADLINES = {
  permitted: 'Permitted',
  'not-permitted': 'Not permitted',
  conditional: 'Permitted if the requirements are met',
  refer: 'Not decided by these sources',
  recommendation: 'Recommended license',
} as const satisfies Record<Verdict, string>;

export const en = {
  product: PRODUCT,

  verdicts: VERDICT_HEADLINES,
  /** A decision link whose facts do not reach a verdict yet. */
  notDecidedYet: 'Not decided yet',

  disclaimer: DISCLAIMER,
  guideVersion,
  day,
  /** The disclaimer with the guide version it speaks for: under every answer. */
  smallPrint: (version: string) => `${DISCLAIMER} ${guideVersion(version)}`,

  /** Headings over the parts of an answer, the same on a card, in a terminal and on a page. */
  labels: {
    recommended: 'Recommended',
    whatYouNeed: 'What you need',
    why: 'Why',
    sources: 'Sources',
    sections: 'Sections',
    yourAnswers: 'Your answers',
    notCovered: 'Not covered by the sources',
    guide: 'Windows licensing guide',
    source: (source: string) => `Source: ${source}`,
    /** A source document under an answer's citations, with the citations that rest on it: "Source of [1] [3]: ...". */
    sourceOf: (markers: string, source: string) => `Source of ${markers}: ${source}`,
    whyAndSources: 'Why, and sources',
  },

  buttons: {
    // Asks the card's own topic from its first question. Not "Start over": typed, that leaves
    // the current questions for the list of topics (the bot keeps no state that knows the topic).
    startOver: 'Start this check again',
    allTopics: 'All topics',
    showTopics: 'Show topics',
    showAllTopics: 'Show all topics',
    change: 'Change',
    next: 'Next',
    back: 'Back',
    yes: 'Yes',
    no: 'No',
    shareAnswer: 'Share this answer',
    openInGuide: 'Open in the guide',
    openDecisionRecord: 'Open the decision record',
    checkMyCase: 'Check my case',
    confirmAndContinue: 'Confirm and continue',
  },

  /** Short notes above a card's content about how it was answered. */
  notices: {
    outdatedCard: 'The guide was updated after this card was sent. Your answers still fit, so this uses the current guide.',
    chooseFirst: 'Choose one of the answers first, then press Next.',
    longText: (chars: number) => `Your message was long, so I searched its first ${chars} characters.`,
    /** An unfurled decision link made with another guide version. */
    linkFromOtherGuide: 'The guide has changed since this link was made; this is what it says today.',
    /** The decision record page of a link made with another guide version. */
    recordFromOtherGuide:
      'The guide has changed since this link was made. The answer below is what the current guide says for the same answers, which may differ from what was shown then.',
  },

  apologies: {
    /** A bug in a turn: said instead of nothing, in the chat. */
    turnFailed: 'Sorry, something went wrong on my side. Type "start over" to begin again.',
    /** A bug in the message extension: said in its own panel. */
    searchFailed: 'Sorry, the guide could not be searched just now. Try again.',
  },

  /** Answers outside the conversation's cards: invokes, other tenants, the search extension. */
  replies: {
    unsupportedInvoke: 'This bot answers through its cards and messages only; type "help" to see what it can do.',
    otherTenant: 'This assistant is available only inside the organization that runs it.',
    searchNoMatch: 'No guide section matches these words. Try others, for example "thin clients", "refurbished PC" or "downgrade rights".',
    searchUnknownCommand: 'This app has one search: type a few words to find the guide section that answers them.',
    searchUnreadable: 'That search could not be read. Type a few words to search the guide.',
  },

  welcome: {
    title: PRODUCT,
    intro:
      'I answer Windows licensing questions with a verdict and the guide sections it rests on. Pick a topic and answer a few questions; I only ask what can still change the answer.',
    hint: 'You can also ask in your own words, for example "May we run Windows VMs on AWS?". Type **help** for what I understand, or **start over** at any time.',
  },

  help: {
    heading: 'How I can help',
    interview: '• Pick a topic and answer a few questions. I ask only what can still change the answer, then give a verdict with the guide sections behind it.',
    freeText: '• Or ask in your own words: I search the guide, show the closest sections and, where your words name the facts of a case, offer to check it.',
    whatIf: '• On an answer, open **Your answers** and press **Change** next to any of them to see what a different answer would give.',
    commands: 'Commands',
    commandHelp: 'this overview',
    commandTopics: 'the list of topics',
    commandStartOver: 'leave the current questions and choose a topic again (the same as topics)',
    startThisCheckAgain: '• **Start this check again** on a question or an answer asks that topic from its first question, with nothing answered.',
    privacy: 'In a channel or group chat, @mention me first. I keep nothing you type: your answers travel inside the cards.',
  },

  question: {
    step: (current: number, atMost: number) => `Question ${current} of at most ${atMost}`,
    whatIf: 'What if: change this one answer, your other answers stay as they are',
    whyWeAsk: (help: string) => `Why we ask: ${help}`,
    current: (answer: string) => `Your answer so far: ${answer}`,
    choiceLabel: 'Your answer',
    choiceRequired: 'Choose one answer first.',
  },

  answer: {
    helpful: 'Was this helpful?',
  },

  answered: {
    youSaid: (answer: string) => `You said: **${answer}**`,
    wentBack: 'You went back to the question before this one.',
    startedAgain: 'You started this check again.',
  },

  /** The step between a free question and its check: what was read, shown for the user to confirm or change. */
  confirm: {
    heading: 'From your message I understood:',
    hint: 'Nothing is decided from these until you confirm them. Change any answer that is wrong, or choose "Not sure: ask me" to be asked that question instead.',
    askMe: 'Not sure: ask me',
    choiceRequired: 'Choose an answer, or "Not sure: ask me".',
    /** Heading of the compact card that replaces a confirmed one in Teams. */
    confirmed: 'From your message, confirmed:',
  },

  feedback: {
    helpful: { heading: 'Thanks, glad it helped.', message: 'Your vote helps us see which answers work.' },
    unhelpful: {
      heading: 'Thanks for telling us.',
      message: 'Sorry it did not help. On the answer card you can change any of your answers to see another case, or ask in your own words.',
    },
  },

  restart: {
    /** Names the check the unreadable card belonged to, above the button that starts it again. */
    topicLine: (topicTitle: string) => `The card belonged to the check: **${topicTitle}**`,
    invalid: {
      heading: 'I could not read that card',
      message:
        'The button you pressed sent answers I do not recognise (the card may be damaged or come from somewhere else). Nothing was decided from it. Please start again: it only takes a few clicks.',
    },
    'guide-changed': {
      heading: 'The guide has changed',
      message:
        'This card comes from an earlier version of the guide, and its answers no longer fit the current questions. Please start again so that the answer rests on the current guide.',
    },
  },

  noMatch: {
    heading: 'I found nothing in the guide for that.',
    hint: 'Try other words (for example "thin clients", "refurbished PC", "downgrade"), or pick the topic closest to your question:',
  },

  search: {
    heading: 'From the guide',
    /** The button that opens the other sections found, under the best one. */
    moreSections: 'More from the guide',
    looksLike: (topicQuestion: string) => `Your case looks like: ${topicQuestion}`,
    /** Above the facts read from the message on the results card: they are shown again to confirm. */
    readFromMessage: 'From your message I read (you confirm each before it is used):',
    /** Above two checks offered side by side: the question fits two topics people confuse. */
    eitherCheck: 'Your question could be about either of two cases. Pick the one that is yours:',
  },

  guideDocument: {
    sections: (count: number) => `${count} sections, among them:`,
    previewSections: (count: number) => `${count} sections`,
  },

  cli: {
    facts: (given: string) => `Facts: ${given}`,
    nextQuestion: (fact: string, prompt: string) => `Next question (${fact}): ${prompt}`,
    answers: 'Answers:',
    stillNeeded: (facts: string) => `Still needed, at most: ${facts}`,
    continueWith: (command: string) => `Continue with: ${command}`,
    verdict: (headline: string) => `Verdict: ${headline}`,
    decisionRecord: (url: string) => `Decision record: ${url}`,
    question: (query: string) => `Question: ${query}`,
    noMatch: 'Nothing in the guide matches. Run "licensing-bot topics" to see what the assistant can check.',
    checkYourCase: (command: string) => `Check your case: ${command}`,
    /** Above the facts ask read from the question: a reading, not answers, until someone checks them. */
    readFacts: 'Read from your question (not confirmed; check each before you rely on it):',
    readFact: (fact: string, value: string, prompt: string, label: string) => `  ${fact}=${value}  (${prompt} ${label})`,
    /** Mistakes on the command line, said on stderr above the usage. */
    errors: {
      unknownOption: (flag: string) => `Unknown option ${flag}. The only option is --json.`,
      unknownCommand: (name: string) => `Unknown command "${name}". Commands: decide, ask, topics.`,
      decideNeedsTopic: 'decide needs a topic. Run "licensing-bot topics" to list them.',
      // Bad decide arguments: each names the valid choices of the topic given (contract v3).
      badTopic: (topic: string, topics: readonly string[], meant?: string) =>
        `Unknown topic "${topic}".${meant ? ` Topics are written in lower case: did you mean ${meant}?` : ''} Valid topics: ${topics.join(', ')}.`,
      factWithoutValue: (fact: string, values: readonly string[]) =>
        `"${fact}" has no value: facts are written fact=value, here ${fact}=<value>. Valid values: ${values.join(', ')}.`,
      bareWord: (word: string, topic: string, meant: string | undefined, facts: readonly string[]) =>
        `"${word}" is not a fact=value pair: facts are written fact=value.${meant ? ` Did you mean ${meant}?` : ''} Facts of ${topic}: ${facts.join(', ')}.`,
      emptyName: (pair: string, topic: string, meant: string | undefined, facts: readonly string[]) =>
        `"${pair}" has no fact name before "=".${meant ? ` Did you mean ${meant}?` : ''} Facts of ${topic}: ${facts.join(', ')}.`,
      unknownFact: (fact: string, topic: string, facts: readonly string[]) => `Unknown fact "${fact}" for topic ${topic}. Valid facts: ${facts.join(', ')}.`,
      factSpelling: (name: string, fact: string, values: readonly string[]) =>
        `Fact names are written in lower case with no spaces: ${fact}, not "${name}". Valid values of ${fact}: ${values.join(', ')}.`,
      emptyValue: (fact: string, values: readonly string[]) => `${fact}= has no value. Valid values of ${fact}: ${values.join(', ')}.`,
      valueSpelling: (pair: string, fact: string, values: readonly string[], meant?: string) =>
        `"${pair}": values are written in lower case, with hyphens and no spaces.${meant ? ` Did you mean ${meant}?` : ''} Valid values of ${fact}: ${values.join(', ')}.`,
      badValue: (value: string, fact: string, values: readonly string[]) => `"${value}" is not a valid value for ${fact}. Valid values: ${values.join(', ')}.`,
      factTwice: (fact: string, first: string, second: string, values: readonly string[]) =>
        `${fact} is given twice (${first} and ${second}); give it once. Valid values of ${fact}: ${values.join(', ')}.`,
      askNeedsQuestion: 'ask needs a question, for example: licensing-bot ask "can we run Windows VMs on AWS?"',
      topicsTakesNoArguments: 'topics takes no arguments.',
      internal: (message: string) => `Internal error: ${message}`,
    },
  },

  desk: {
    registered: 'This channel is now the licensing desk: questions people hand to the desk will arrive here as cards.',
    alreadyHere: 'This channel is already the licensing desk.',
    movedHere: 'This channel is now the licensing desk. It moved here from another channel, which has been told.',
    movedAway:
      'The licensing desk has moved to another channel. New requests will arrive there; the requests already here can still be answered from their cards.',
    onlyChannel: 'Only a channel of a team can be the licensing desk. Send "set licensing desk" in the channel where requests should arrive.',
    notAllowed: 'You are not allowed to set the licensing desk. Ask the person who runs the desk to do it.',
    notSetUp: 'The licensing desk is not set up yet, so this question cannot be handed to a person. Please tell whoever runs this assistant.',
    askButton: 'Ask the licensing desk',
    askHeading: 'Ask the licensing desk',
    askIntro: 'A person at the licensing desk will read your question and answer here. This is attached for them:',
    askQuestionLabel: 'What do you need to know?',
    askQuestionPlaceholder: 'For example: our contract is an Enterprise Agreement signed in 2023; does this still apply?',
    askQuestionMissing: 'Please write what you need to know.',
    askSend: 'Send to the desk',
    askOnlyTeams: 'The licensing desk can be asked from Microsoft Teams.',
    asked: (id: string) => `Your request ${id} is with the licensing desk. Their answer will arrive in this conversation; "my requests" shows where it stands.`,
    attachedTopic: 'Topic',
    attachedVerdict: 'Answer given',
    attachedQuestion: 'Question asked',
    attachedRecord: 'Open the decision record',
    requestHeading: (id: string) => `Request ${id}`,
    requestFrom: (name: string) => `From ${name || 'someone'}`,
    requestStatus: {
      open: 'Waiting for someone to take it.',
      taken: (name: string) => `Taken by ${name || 'a desk member'}.`,
      answered: (name: string) => `Answered by ${name || 'a desk member'}.`,
      closed: (name: string) => `Closed without an answer by ${name || 'a desk member'}.`,
    },
    askerNotReached: 'The answer could not be delivered: the asker could not be reached (the app may have been removed from their chat).',
    take: 'Take it',
    answer: 'Answer',
    answerLabel: 'Your answer (the asker sees it as written)',
    sendAnswer: 'Send the answer',
    closeWithout: 'Close without answer',
    closeLabel: 'Why (the asker sees this)',
    sendClose: 'Close the request',
    answerMissing: 'Please write the answer first.',
    reasonMissing: 'Please write why the request is closed.',
    alreadyTaken: (id: string, name: string) => `${id} is already taken by ${name || 'another desk member'}.`,
    alreadyFinished: (id: string) => `${id} is already answered or closed.`,
    unknownRequest: 'That request is no longer kept (requests are deleted some time after they close).',
    onlyDesk: 'Requests can only be handled in the licensing desk channel.',
    replyHeading: (id: string) => `The licensing desk answered your request ${id}`,
    replyClosedHeading: (id: string) => `The licensing desk closed your request ${id} without an answer`,
    replyYourQuestion: 'Your question',
    replyFrom: (name: string) => `From ${name || 'the licensing desk'}`,
    noRequests: 'You have no open or answered requests with the licensing desk.',
    noOpenRequests: 'No requests are waiting.',
    myRequestsHeading: 'Your requests with the licensing desk:',
    openRequestsHeading: 'Waiting, oldest first:',
    requestLine: (id: string, status: string, created: string) => `${id}: ${status} (asked ${created})`,
    statusWords: { open: 'waiting', taken: 'taken', answered: 'answered', closed: 'closed' },
    openRequestsOnlyDesk: '"open requests" works in the licensing desk channel.',
    contactHeading: 'Questions the guide leaves open',
    contact: (who: string) => `When an answer says the sources do not decide your case, or carries a caveat, ask ${who}.`,
    operatorNotSetUp:
      'licensing desk not set up: a person named in DESK_OWNER_IDS (or a member of the team DESK_TEAM_ID) sends "@<bot> set licensing desk" in the channel where requests should arrive',
    operatorNoOwners:
      'licensing desk not set up, and nobody may set it up yet: set DESK_OWNER_IDS (Entra object ids) or DESK_TEAM_ID (a team id), then a person named there (or a member of that team) sends "@<bot> set licensing desk" in the channel where requests should arrive',
  },

  pages: {
    guideTitle: (title: string) => `${title} · ${PRODUCT} guide`,
    guideHeader: `${PRODUCT} · Guide`,
    guideIndexTitle: 'Guide',
    guideIndexIntro: "The policy sources behind the assistant's answers, one page per subject.",
    guideSectionCount: (count: number) => (count === 1 ? '(1 section)' : `(${count} sections)`),
    linkToSection: 'Link to this section',
    notFoundTitle: 'Not found',
    notFoundHeading: 'No such guide page',
    notFoundBody: (indexLink: string) => `See the ${indexLink} for the available pages.`,
    guideIndexLink: 'guide index',
    recordTitle: (title: string) => `${title} · ${PRODUCT}`,
    recordHeader: `${PRODUCT} · Decision record`,
    answersGiven: 'The answers given',
    noAnswers: 'No answers were given.',
    theAnswer: 'The answer',
    answerGivenOn: (day: string) => `Answer given on ${day}.`,
    printedOn: (day: string) => `Page printed on ${day}.`,
    badDate: 'The date in the link (on=) is not a real day written as year-month-day, or it is later than today.',
    unknownCaveat: 'The link names a note on what the sources do not cover (caveat=) that the assistant does not have.',
    aboutRecord: 'About this record',
    sourcesAsOf: 'The sources speak as of these dates:',
    badLinkHeading: 'This decision link cannot be read',
    badLinkTitle: 'Decision link not readable',
    validChoices: 'The valid choices are:',
    badLinkHelp: (guideLink: string) => `Check that the link was copied whole, or ask the assistant again. The ${guideLink} has every topic's sources.`,
    guideLink: 'guide',
  },
} as const;
