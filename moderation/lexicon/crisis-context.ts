/**
 * Context cues that change what a crisis signal means: idioms and other hard negatives that
 * cancel it, negation, recovered past, educational talk, and time/plan/means words that raise it.
 * Rows are [role, id, phrase, examples]; each example contains the cue's wording.
 */
import type { CueRow } from "./crisis-types.ts";

export const CUES: readonly CueRow[] = [
  // idioms, hyperbole, gaming, media: cancel overlapping signals
  ["veto", "idiom.killing_it", "kil|kiling|kiled|kils it", ["you are killing it"]],
  ["veto", "idiom.killing_me", "is|was|are|its|thats kiling me", ["this heat is killing me"]],
  ["veto", "idiom.kill_for", "kil|murder for a|an|some", ["i would kill for a nap"]],
  [
    "veto",
    "idiom.kill_food",
    "murder|kil a ~1 burger|cheeseburger|pizza|coffee|nap|taco|sandwich|beer",
    ["i could murder a burger"],
  ],
  ["veto", "idiom.dying_to", "dying|dyin to|for|of", ["im dying to see the movie"]],
  ["veto", "idiom.to_die_for", "to die for", ["that cake is to die for"]],
  [
    "veto",
    "idiom.od_on",
    "overdosed|overdosing|od on ~2 netflix|coffee|cookies|sugar|candy|caffeine|tv|chocolate|memes|anime|christmas|love",
    ["i overdosed on netflix this weekend"],
  ],
  ["veto", "idiom.career_suicide", "career|social|political suicide", ["that would be career suicide"]],
  ["veto", "idiom.was_suicide", "was|is|be suicide", ["quitting now would be suicide"]],
  [
    "veto",
    "idiom.suicide_squad",
    "suicide squad|squeeze|doors|prevention|awareness|hotline|lifeline",
    ["watched suicide squad"],
  ],
  [
    "veto",
    "idiom.gaming",
    "kil|kiling|kiled the|this ~2 boss|raid|level|mob|enemy|dragon",
    ["finally killed the boss"],
  ],
  ["veto", "idiom.died_to", "died|die to|in ~2 fall|lava|boss|game|level|lag", ["i died to lava again"]],
  [
    "veto",
    "idiom.phone_die",
    "phone|battery|laptop|car ~3 die|died|dying|dead",
    ["my phone is about to die"],
  ],
  [
    "veto",
    "idiom.kill_time",
    "kil|kiling time / kil two birds",
    ["just killing time", "kill two birds with one stone"],
  ],
  ["veto", "idiom.shoot_text", "shoot|shot me a ~1 text|message|line", ["shoot me a text"]],
  [
    "veto",
    "idiom.sponsor_kill",
    "sponsor|mom|wife|boss|dad|mum ~2 gonna|going|wil ~1 kil me",
    ["my sponsor is gonna kill me"],
  ],
  [
    "veto",
    "idiom.cut_down",
    "cut ~1 down|back|off / cut|cutting ~1 my|the|his|her hair|cake|coffee|carbs|grass|lawn|bread|onions|ties",
    ["trying to cut down", "cutting my hair tonight"],
  ],
  [
    "veto",
    "idiom.picked_up_chip",
    "picked up ~1 my|a|the|an ~2 chip|coin|day|supply|keytag|medallion|prescription|kids|kid|son|daughter|phone|shift|meds|refill",
    ["picked up my 30 day chip"],
  ],
  [
    "veto",
    "idiom.goodbye_to",
    "goodbye|farewell letter|letters to ~2 alcohol|drinking|booze|using|addiction|drugs|addict|disease",
    ["wrote a goodbye letter to alcohol"],
  ],
  ["veto", "idiom.slip_and", "slip and a ~1 relapse", ["a slip and a relapse are different"]],
  // someone or something else "wants me dead" (a threat is in the abuse lexicon, not here)
  ["veto", "idiom.want_me_dead", "want|wants|wanted me dead|gone", ["my boss wants me dead"]],
  [
    "veto",
    "idiom.kill_this",
    "kil|kiling|crush|crushing this|that|the|my ~1 presentation|exam|test|interview|set|show|speech|workout|performance|audition|look|game|final|class",
    ["gonna kill this presentation"],
  ],
  // a general statement about relapse, said to support someone ("a relapse doesnt erase...")
  [
    "veto",
    "idiom.a_relapse",
    "a relapse|slip ~2 doesnt|does|isnt|is|dont|wont|can|cant|means|erase",
    ["a relapse doesnt erase your progress"],
  ],
  [
    "veto",
    "idiom.heart_nerves",
    "heart ~3 racing|pounding ~4 interview|date|exam|test|game|because|excited|nervous|coffee|workout|run",
    ["my heart is racing before the interview"],
  ],
  // injuries by accident, sport and chores: "burned my arm on the oven", "cut myself shaving"
  [
    "veto",
    "idiom.accident",
    "@injure ~4 accidentally|accident|shaving|cooking|chopping|slicing|fell|fall|tripped|slipped|ironing|baking|gardening|practice|game|match|workout|gym|climbing / @injure ~4 on ~2 glass|oven|stove|pan|grill|iron|kettle|door|cabinet|corner|table|fence|nail|metal|can|lid|paper|bike|pot|tray",
    ["i cut myself shaving", "burned my arm on the oven"],
  ],
  // means restriction: handing a gun or pills to someone else is what a specialist hopes to read
  [
    "veto",
    "idiom.means_away",
    "gave|give|giving|handed|hand ~2 @weapon|pills|meds|medication|guns ~4 to ~1 my|a|the|someone|him|her",
    ["i gave my gun to my brother"],
  ],
  [
    "veto",
    "idiom.fell",
    "slip|slipped|sliped|fell|tripped|crashed|fall ~6 @injure",
    ["i fell off my bike and cut my knee"],
  ],
  [
    "veto",
    "idiom.sunburn",
    "sunburn|sunburned|sunburnt / burned|burnt ~2 in the sun / hit ~2 by a ball|car",
    ["got a bad sunburn", "burned in the sun", "got hit by a ball"],
  ],
  ["veto", "idiom.cravings_down", "cravings ~2 down|gone|better|lower|easier", ["my cravings are down"]],
  ["veto", "idiom.end_of_day", "end of the day", ["at the end of the day"]],
  // "that pun was so bad i wanna die": a reaction to something embarrassing or awful, not ideation
  [
    "veto",
    "idiom.so_bad_die",
    "so|too|was bad|cringe|cringey|awkward|embarrassing|funny|cute ~2 i ~1 wana|want|could ~1 die",
    ["that pun was so bad i want to die"],
  ],
  [
    "veto",
    "idiom.high_on",
    "high on life|gratitude|sobriety|recovery|hope / high school|risk|functioning|strung|alert|hopes|blood|pressure",
    ["high on life", "in high school"],
  ],
  [
    "veto",
    "idiom.hurt_feelings",
    "hurt|hurting|hurted ~2 feelings|feeling|chances",
    ["that hurt my feelings"],
  ],
  // a dose, not an amount taken at once: "took 20 mg of lexapro"
  ["veto", "idiom.dose", "@qty mg|mgs|mcg|milligrams|milligram|ml|units|iu|mil", ["took 20 mg of lexapro"]],
  // fear of how someone will react, not fear of the person
  [
    "veto",
    "idiom.scared_reaction",
    "scared|afraid|terrified of ~3 finding|find|knowing|know|reaction|judging|judge|thinking|leaving|losing|disappointing|telling|seeing",
    ["im scared of him finding out"],
  ],
  ["veto", "idiom.hanging_in", "hanging in there", ["hanging in there"]],
  [
    "veto",
    "idiom.slip_on",
    "slip|slipped|sliped on the ~1 ice|stairs|floor|sidewalk|steps|wet|snow|road",
    ["i slipped on the ice"],
  ],
  ["veto", "idiom.hit_me_up", "hit|hits me up|with", ["hit me up later"]],
  [
    "veto",
    "idiom.keep_going_to",
    "keep|kept going to|back ~1 the|that|my|a|meetings|group|therapy|church|work|school",
    ["keep going to meetings"],
  ],
  // negation: cancels a following signal in the same clause
  [
    "negation",
    "neg.not",
    "not|no|never|dont|didnt|doesnt|isnt|wasnt|arent|wont|havent|hasnt|nunca|nope|aint",
    ["i am not"],
  ],
  ["negation", "neg.no_longer", "no longer", ["i no longer feel that way"]],
  [
    "unnegate",
    "unneg.lying",
    "lying if i said|say / not gonna lie / wont lie",
    ["id be lying if i said i was fine", "not gonna lie", "i wont lie"],
  ],
  // someone else's feelings or use: third-person gossip, not a disclosure (emergencies are "firm")
  [
    "third_subject",
    "third.subject",
    "he|she|hes|shes|they|theyre|you|u|youre|ur|friend|buddy|brother|sister|mom|dad|mum|mother|father|son|daughter|cousin|roommate|husband|wife|boyfriend|girlfriend|bf|gf|partner|uncle|aunt|nephew|niece|grandma|grandpa|coworker|sponsee|kid|el|ella|amigo|amiga|hermano|hermana|mama|papa|hijo|hija",
    ["she said"],
  ],
  // recovered past: lowers signals in the same sentence to 0
  ["past", "past.ago", "year|years|yr|yrs|months|decade|decades|lifetime ago", ["that was years ago"]],
  [
    "past",
    "past.n_ago",
    "a|few|couple|2|3|4|5|6|7|8|9|10|two|three|four|five|six|ten|many ~1 year|years|yr|yrs|month|months ~1 ago|back",
    ["a few years ago"],
  ],
  ["past", "past.used_to", "used to", ["i used to"]],
  [
    "past",
    "past.when_i_was",
    "when i was|came ~1 using|drinking|younger|kid|in|a|little",
    ["when i was using"],
  ],
  [
    "past",
    "past.back_in",
    "back in|when ~2 day|days|drinking|using|school|college",
    ["back in my drinking days"],
  ],
  ["past", "past.high_school", "in high school / in college", ["in high school", "in college"]],
  ["past", "past.last_year", "last year", ["last year"]],
  ["past", "past.in_year", "in 19*|20*", ["in 2019"]],
  ["past", "past.since_year", "since 19*|20*", ["since 2020"]],
  ["past", "past.remember", "i remember", ["i remember"]],
  ["past", "past.worst", "my worst ~1 year|days|time|point", ["at my worst point"]],
  ["past", "past.before_sober", "before i got ~1 sober|clean|help", ["before i got sober"]],
  ["past", "past.free", "yrs|years|months free|clean|sober", ["5 years clean"]],
  [
    "past",
    "past.that_season",
    "that winter|spring|summer|fall|autumn|year|night|time / back then / at the time",
    ["that winter", "back then", "at the time"],
  ],
  [
    "past",
    "past.es",
    "hace ~1 un|una|dos|tres|cuatro|cinco|seis|siete|ocho|diez|varios|muchos|unos ~1 anos|meses|ano / cuando ~1 era|estaba|tenia|consumia|bebia|vivia / en aquel|ese entonces / antes de ~2 limpio|limpia|sobrio|sobria|recuperarme",
    ["hace dos anos", "cuando era joven", "en aquel entonces", "antes de estar sobrio"],
  ],
  ["present", "present.again", "again|lately|anymore|still|rn / these days", ["again", "these days"]],
  ["present", "present.is_back", "urge|urges|thoughts is|are back", ["the urges are back"]],
  // talk about the topic, not a disclosure
  ["educational", "edu.signs", "signs|symptoms of|someone|include", ["signs of"]],
  ["educational", "edu.the_signs", "the|warning signs", ["the signs"]],
  [
    "educational",
    "edu.article",
    "article|podcast|documentary|novel|chapter|character|movie|show|episode|lyrics",
    ["read an article"],
  ],
  ["educational", "edu.learned", "learned|learning|learn|read about", ["learned about"]],
  ["educational", "edu.class", "class|unit|lecture|training|workshop|course on|about|today", ["a class on"]],
  ["educational", "edu.news", "on the news / saw on", ["on the news", "i saw on"]],
  ["educational", "edu.asking_for", "asking for a", ["asking for a friend"]],
  ["educational", "edu.might_be", "might|may be suicidal|overdosing|relapsing", ["might be suicidal"]],
  ["educational", "edu.how_long", "how long does|do|is", ["how long does"]],
  ["educational", "edu.difference", "difference between", ["the difference between"]],
  ["educational", "edu.is_relapse", "is relapse|overdose|suicide", ["is relapse normal"]],
  ["educational", "edu.algospeak", "algospeak|slang", ["algospeak"]],
  [
    "educational",
    "edu.bring_up",
    "bring it up / how do you ~3 help|talk|know",
    ["how do i bring it up", "how do you help"],
  ],
  ["educational", "edu.what_are", "what are the", ["what are the signs"]],
  ["educational", "edu.book", "book|books|novel|memoir|poem|poetry|bok|boks", ["a book"]],
  // advice and supportive replies that name the crisis to help with it
  [
    "educational",
    "edu.if_anyone",
    "if anyone|anybody|someone|somebody|you ~3 thinking|feeling|struggling|having|is|are / reach out ~3 mod|someone|us|988|hotline / you matter",
    ["if anyone is struggling", "reach out to someone", "you matter"],
  ],
  [
    "educational",
    "edu.advice_911",
    "(still|always|anyway|should|must|sure to) ~1 call 911 / call 911 ~2 (for someone|anyway) / good samaritan / harm reduction / never use alone / test strips / wear off",
    [
      "you should still call 911",
      "always call 911",
      "anyway call 911 if they dont wake",
      "you should call 911",
      "you must call 911",
      "make sure to call 911",
      "call 911 for someone",
      "call 911 anyway",
      "good samaritan laws",
      "harm reduction",
      "never use alone",
      "test strips",
      "wait for it to wear off",
    ],
  ],
  [
    "educational",
    "edu.hotline_es",
    "linea|lineas de ~2 prevencion|ayuda|crisis / prevencion del suicidio / para (una amiga|un amigo|mi amiga|mi amigo)",
    [
      "la linea de ayuda",
      "prevencion del suicidio",
      "para una amiga",
      "para un amigo",
      "para mi amiga",
      "para mi amigo",
    ],
  ],
  [
    "educational",
    "edu.hotline",
    "(hotline|lifeline|988|crisis line|crisis text) ~3 for|number|work|open / for a friend",
    [
      "hotline number",
      "lifeline for",
      "988 open",
      "does the crisis line work",
      "crisis text number",
      "for a friend",
    ],
  ],
  // a screening question answered no ("asked if i ever had thoughts of..., i said no")
  ["denial", "deny.said_no", "i ~1 said|say|answered|told ~1 no|nope|never", ["i said no"]],
  // raise the level
  [
    "time_now",
    "time.tonight",
    "tonight|rn / right now / esta noche / ahora mismo / in an hour / in ~1 ?a ~1 few|couple|5|10|15|20|ten|fifteen ~1 minutes|min|mins",
    ["tonight", "right now", "esta noche", "ahora mismo", "in an hour", "in a few minutes", "in 10 minutes"],
  ],
  [
    "time_now",
    "time.asleep",
    "once|after|when everyone|everybody ~2 asleep|sleeping|leaves|gone",
    ["once everyone is asleep"],
  ],
  ["time_now", "time.bye", "bye|goodbye / this is it", ["bye", "this is it"]],
  [
    "time_later",
    "time.later",
    "@weekday|soon|manana / next|this week / fin de semana",
    ["on friday", "next week", "el fin de semana"],
  ],
  [
    "time_later",
    "time.es_cuando",
    "cuando salga|sale|llegue|vuelva / cuando lo|la vea|veo",
    ["cuando salga", "cuando lo vea"],
  ],
  // the writer is drunk or high now (capability: DESIGN.md raises ideation when intoxicated)
  [
    "intox",
    "intox.now",
    "im|am|currently|still|so ~1 drunk|wasted|high|loaded|hammered|blackout / been drinking|using ~2 (all day|all night|since|tonight)",
    [
      "im drunk",
      "been drinking all day",
      "been using all night",
      "been drinking since noon",
      "been using tonight",
    ],
  ],
  [
    "plan",
    "plan.planned",
    "planned|planning|plan / figured out / know how",
    ["i planned", "figured out", "i know how"],
  ],
  ["means", "means.weapon", "@weapon", ["a gun"]],
  ["means", "means.stash", "@pills saved|ready|stashed", ["pills saved"]],
  [
    "means",
    "means.counted",
    "counted|lined|laid|set ~1 out|up ~3 @pills / @pills ~2 counted|lined|laid ~1 out|up",
    ["counted out my pills", "pills lined up"],
  ],
  [
    "means",
    "means.es",
    "tengo|compre ~2 las|la|una ~1 pastillas|cuerda|pistola|navaja",
    ["tengo las pastillas"],
  ],
  ["means", "means.by_door", "by the door / in the car / loaded", ["by the door", "in the car", "loaded"]],
  ["laugh", "laugh.words", "@laugh|jk|joking|kidding", ["lol"]],
  // lost tolerance: use after clean time plus these is an overdose risk (DESIGN.md)
  [
    "od_risk",
    "risk.tolerance",
    "fent|fentanyl|tranq|dope|heroin|tolerance / used|using|shot|shooting|use ~2 alone / alone in ~1 my|a|the ~1 car|room|bathroom|apartment|house|truck / same|usual|old|full amount|dose / as much as ~2 before|used|usual",
    ["fentanyl", "using alone", "alone in my car", "same amount", "as much as before"],
  ],
];
