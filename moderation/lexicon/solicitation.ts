/**
 * Solicitation phrases: moving contact off the platform or meeting privately. Rows are
 * [id, type, phrase, examples]; type "off_platform" or "private_meeting"; examples are invented
 * messages the phrase is meant to match (checked by the lexicon lint). Phrase language: compile.ts.
 */
export type SolicitationType = "off_platform" | "private_meeting";

/** One solicitation row: [id, type, phrase, examples]. */
export type SolicitationRow = readonly [
  id: string,
  type: SolicitationType,
  phrase: string,
  examples: readonly string[],
];

export const SOLICITATION: readonly SolicitationRow[] = [
  [
    "text_me",
    "off_platform",
    "text|txt|call|ring|msg|message|email|dm|pm|ping|snap|whatsapp|facetime me",
    ["text me"],
  ],
  ["hit_me_up", "off_platform", "hit me up / hmu", ["hit me up", "hmu"]],
  ["add_me", "off_platform", "add|follow|find me ~1 on|at|there", ["add me on snap"]],
  ["add_me_colon", "off_platform", "add|follow me", ["add me: jess_22"]],
  ["dm_there", "off_platform", "dm|message|msg|text me ~1 there|directly|instead", ["dm me there"]],
  ["reach_me", "off_platform", "reach|contact me ~1 at|on", ["reach me at this"]],
  ["my_number", "off_platform", "my ~2 number|cel|cell|celular|digits ~1 is|if|in|es", ["my number is"]],
  [
    "heres_my",
    "off_platform",
    "heres my ~1 number|phone|cell|email|insta|snap|ig|fb|discord|info|links",
    ["heres my insta"],
  ],
  [
    "move_to",
    "off_platform",
    "move|take this|it to ~1 whatsapp|telegram|signal|snap|insta|discord|text|dm|dms|email|phone",
    ["lets move this to whatsapp"],
  ],
  [
    "outside_app",
    "off_platform",
    "outside ~1 the|this app|platform / talk|chat|text|it|this|move|go|get|continue|take ~1 off|outside ~1 of ~1 this|the app|platform",
    ["outside the app", "lets talk outside of this app"],
  ],
  [
    "easier_than",
    "off_platform",
    "easier|better than (this app|here)",
    ["whatsapp is easier than this app", "its better than here"],
  ],
  ["request_accept", "off_platform", "request and ~1 accept", ["send a request and ill accept"]],
  ["tap_chat", "off_platform", "tap to chat", ["tap to chat"]],
  ["private_acct", "off_platform", "my private ~1 acct|account|insta|page", ["my private account"]],
  ["so_bot", "off_platform", "so the bot|filter ~2 doesnt|wont|cant", ["so the bot doesnt see"]],
  [
    "es_escribeme",
    "off_platform",
    "escribeme|mandame|llamame|agregame|sigueme|hablame|marcame",
    ["escribeme"],
  ],
  [
    "es_por_whats",
    "off_platform",
    "por whats|whatsapp|telegram|dm|telefono|insta",
    ["hablamos por whatsapp"],
  ],
  ["es_quiere_hablar", "off_platform", "si alguien quiere hablar", ["si alguien quiere hablar"]],
  [
    "meet_just_us",
    "private_meeting",
    "meet|meetup|hang|hangout ~4 alone|privately|irl / grab coffee ~4 alone|privately / meet|meetup|hang|hangout|coffee ~4 just us / meet|meetup|hang|hangout ~4 in person",
    ["lets meet up alone", "grab coffee privately", "hang out just us", "meet in person"],
  ],
  [
    "just_us",
    "private_meeting",
    "just us / just the two of us / dont tell anyone",
    ["just us", "just the two of us", "dont tell anyone"],
  ],
  [
    "come_over",
    "private_meeting",
    "come over|by / pasar a / swing by / pasate|venite|vente / ven a|por mi ~1 casa|depa|cuarto",
    ["come over", "pasar a verte", "swing by", "pasate", "ven a mi casa"],
  ],
  [
    "my_place",
    "private_meeting",
    "come|over|back|stop|by to ~1 my place|apartment|house|room / mi casa",
    ["come to my place", "mi casa"],
  ],
  [
    "knock",
    "private_meeting",
    "just knock / knock ~1 loud|twice|hard / buzz me ~1 in|up / stop|drop by ~2 tonight|later|anytime|after",
    ["just knock", "knock twice", "buzz me in", "drop by tonight"],
  ],
  [
    "meet_at_mine",
    "private_meeting",
    "meet|meetup|hang|hangout ~2 at|to my|our place|apartment|house|room|crib",
    ["hang out at my place"],
  ],
  ["meet_me", "private_meeting", "meet me ~2 after|at|outside|tonight|later", ["meet me after school"]],
  ["dm_for", "off_platform", "dm|pm for the|my ~1 date|address|number|info", ["dm for the address"]],
];

/** Phrases that show the contact is inside the app or about someone else, not an invitation. */
export const SOLICITATION_VETO: readonly string[] = [
  "dm|message me here ~3 app",
  "here on the app",
  "call the cops|police / call 911",
  "call her|him|them",
  "call my sponsor|therapist|mom",
  "call me crazy|old|names|out|whatever|silly|dramatic",
];
