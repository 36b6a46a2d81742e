/**
 * Context cues that change what a crisis signal means: idioms and other hard negatives that
 * cancel it, negation, recovered past, educational talk, and time/plan/means words that raise it.
 * Rows are [role, id, phrase, examples]; each example contains the cue's wording.
 */
import type { CueRow } from "./crisis-types.ts";

export const CUES: readonly CueRow[] = [
  // idioms, hyperbole, gaming, media: cancel overlapping signals
  ["veto", "idiom.killing_it", "kil|kiling|kiled|kils it", []],
  ["veto", "idiom.killing_me", "is|was|are|its|thats kiling me", []],
  ["veto", "idiom.kill_for", "kil|murder for a|an|some", []],
  ["veto", "idiom.kill_food", "murder|kil a ~1 burger|cheeseburger|pizza|coffee|nap|taco|sandwich|beer", []],
  ["veto", "idiom.dying_to", "dying|dyin to|for|of", []],
  ["veto", "idiom.to_die_for", "to die for", []],
  [
    "veto",
    "idiom.od_on",
    "overdosed|overdosing|od on ~2 netflix|coffee|cookies|sugar|candy|caffeine|tv|chocolate|memes|anime|christmas|love",
    [],
  ],
  ["veto", "idiom.career_suicide", "career|social|political suicide", []],
  ["veto", "idiom.was_suicide", "was|is|be suicide", []],
  ["veto", "idiom.suicide_squad", "suicide squad|squeeze|doors|prevention|awareness|hotline|lifeline", []],
  ["veto", "idiom.gaming", "kil|kiling|kiled the|this ~2 boss|raid|level|mob|enemy|dragon", []],
  ["veto", "idiom.died_to", "died|die to|in ~2 fall|lava|boss|game|level|lag", []],
  ["veto", "idiom.phone_die", "phone|battery|laptop|car ~3 die|died|dying|dead", []],
  ["veto", "idiom.kill_time", "kil|kiling time / kil two birds", []],
  ["veto", "idiom.shoot_text", "shoot|shot me a ~1 text|message|line", []],
  ["veto", "idiom.sponsor_kill", "sponsor|mom|wife|boss|dad|mum ~2 gonna|going|wil ~1 kil me", []],
  [
    "veto",
    "idiom.cut_down",
    "cut ~1 down|back|off / cut|cutting ~1 my|the|his|her hair|cake|coffee|carbs|grass|lawn|bread|onions|ties",
    [],
  ],
  [
    "veto",
    "idiom.picked_up_chip",
    "picked up ~1 my|a|the|an ~2 chip|coin|day|supply|keytag|medallion|prescription|kids|kid|son|daughter|phone|shift|meds|refill",
    [],
  ],
  [
    "veto",
    "idiom.goodbye_to",
    "goodbye|farewell letter|letters to ~2 alcohol|drinking|booze|using|addiction|drugs|addict|disease",
    [],
  ],
  ["veto", "idiom.slip_and", "slip and a ~1 relapse", []],
  // someone or something else "wants me dead" (a threat is in the abuse lexicon, not here)
  ["veto", "idiom.want_me_dead", "want|wants|wanted me dead|gone", []],
  [
    "veto",
    "idiom.kill_this",
    "kil|kiling|crush|crushing this|that|the|my ~1 presentation|exam|test|interview|set|show|speech|workout|performance|audition|look|game|final|class",
    [],
  ],
  // a general statement about relapse, said to support someone ("a relapse doesnt erase...")
  ["veto", "idiom.a_relapse", "a relapse|slip ~2 doesnt|does|isnt|is|dont|wont|can|cant|means|erase", []],
  [
    "veto",
    "idiom.heart_nerves",
    "heart ~3 racing|pounding ~4 interview|date|exam|test|game|because|excited|nervous|coffee|workout|run",
    [],
  ],
  // injuries by accident, sport and chores: "burned my arm on the oven", "cut myself shaving"
  [
    "veto",
    "idiom.accident",
    "@injure ~4 accidentally|accident|shaving|cooking|chopping|slicing|fell|fall|tripped|slipped|ironing|baking|gardening|practice|game|match|workout|gym|climbing / @injure ~4 on ~2 glass|oven|stove|pan|grill|iron|kettle|door|cabinet|corner|table|fence|nail|metal|can|lid|paper|bike|pot|tray",
    [],
  ],
  // means restriction: handing a gun or pills to someone else is what a specialist hopes to read
  [
    "veto",
    "idiom.means_away",
    "gave|give|giving|handed|hand ~2 @weapon|pills|meds|medication|guns ~4 to ~1 my|a|the|someone|him|her",
    [],
  ],
  ["veto", "idiom.fell", "slip|slipped|sliped|fell|tripped|crashed|fall ~6 @injure", []],
  [
    "veto",
    "idiom.sunburn",
    "sunburn|sunburned|sunburnt / burned|burnt ~2 in the sun / hit ~2 by a ball|car",
    [],
  ],
  ["veto", "idiom.cravings_down", "cravings ~2 down|gone|better|lower|easier", []],
  ["veto", "idiom.end_of_day", "end of the day", []],
  // "that pun was so bad i wanna die": a reaction to something embarrassing or awful, not ideation
  [
    "veto",
    "idiom.so_bad_die",
    "so|too|was bad|cringe|cringey|awkward|embarrassing|funny|cute ~2 i ~1 wana|want|could ~1 die",
    [],
  ],
  [
    "veto",
    "idiom.high_on",
    "high on life|gratitude|sobriety|recovery|hope / high school|risk|functioning|strung|alert|hopes|blood|pressure",
    [],
  ],
  ["veto", "idiom.hurt_feelings", "hurt|hurting|hurted ~2 feelings|feeling|chances", []],
  // a dose, not an amount taken at once: "took 20 mg of lexapro"
  ["veto", "idiom.dose", "@qty mg|mgs|mcg|milligrams|milligram|ml|units|iu|mil", []],
  // fear of how someone will react, not fear of the person
  [
    "veto",
    "idiom.scared_reaction",
    "scared|afraid|terrified of ~3 finding|find|knowing|know|reaction|judging|judge|thinking|leaving|losing|disappointing|telling|seeing",
    [],
  ],
  ["veto", "idiom.hanging_in", "hanging in there", []],
  [
    "veto",
    "idiom.slip_on",
    "slip|slipped|sliped on the ~1 ice|stairs|floor|sidewalk|steps|wet|snow|road",
    [],
  ],
  ["veto", "idiom.hit_me_up", "hit|hits me up|with", []],
  [
    "veto",
    "idiom.keep_going_to",
    "keep|kept going to|back ~1 the|that|my|a|meetings|group|therapy|church|work|school",
    [],
  ],
  // negation: cancels a following signal in the same clause
  [
    "negation",
    "neg.not",
    "not|no|never|dont|didnt|doesnt|isnt|wasnt|arent|wont|havent|hasnt|nunca|nope|aint",
    [],
  ],
  ["negation", "neg.no_longer", "no longer", []],
  ["unnegate", "unneg.lying", "lying if i said|say / not gonna lie / wont lie", []],
  // someone else's feelings or use: third-person gossip, not a disclosure (emergencies are "firm")
  [
    "third_subject",
    "third.subject",
    "he|she|hes|shes|they|theyre|you|u|youre|ur|friend|buddy|brother|sister|mom|dad|mum|mother|father|son|daughter|cousin|roommate|husband|wife|boyfriend|girlfriend|bf|gf|partner|uncle|aunt|nephew|niece|grandma|grandpa|coworker|sponsee|kid|el|ella|amigo|amiga|hermano|hermana|mama|papa|hijo|hija",
    [],
  ],
  // recovered past: lowers signals in the same sentence to 0
  ["past", "past.ago", "year|years|yr|yrs|months|decade|decades|lifetime ago", []],
  [
    "past",
    "past.n_ago",
    "a|few|couple|2|3|4|5|6|7|8|9|10|two|three|four|five|six|ten|many ~1 year|years|yr|yrs|month|months ~1 ago|back",
    [],
  ],
  ["past", "past.used_to", "used to", []],
  ["past", "past.when_i_was", "when i was|came ~1 using|drinking|younger|kid|in|a|little", []],
  ["past", "past.back_in", "back in|when ~2 day|days|drinking|using|school|college", []],
  ["past", "past.high_school", "in high school / in college", []],
  ["past", "past.last_year", "last year", []],
  ["past", "past.in_year", "in 19*|20*", []],
  ["past", "past.since_year", "since 19*|20*", []],
  ["past", "past.remember", "i remember", []],
  ["past", "past.worst", "my worst ~1 year|days|time|point", []],
  ["past", "past.before_sober", "before i got ~1 sober|clean|help", []],
  ["past", "past.free", "yrs|years|months free|clean|sober", []],
  [
    "past",
    "past.that_season",
    "that winter|spring|summer|fall|autumn|year|night|time / back then / at the time",
    [],
  ],
  [
    "past",
    "past.es",
    "hace ~1 un|una|dos|tres|cuatro|cinco|seis|siete|ocho|diez|varios|muchos|unos ~1 anos|meses|ano / cuando ~1 era|estaba|tenia|consumia|bebia|vivia / en aquel|ese entonces / antes de ~2 limpio|limpia|sobrio|sobria|recuperarme",
    [],
  ],
  ["present", "present.again", "again|lately|anymore|still|rn / these days", []],
  ["present", "present.is_back", "urge|urges|thoughts is|are back", []],
  // talk about the topic, not a disclosure
  ["educational", "edu.signs", "signs|symptoms of|someone|include", []],
  ["educational", "edu.the_signs", "the|warning signs", []],
  [
    "educational",
    "edu.article",
    "article|podcast|documentary|novel|chapter|character|movie|show|episode|lyrics",
    [],
  ],
  ["educational", "edu.learned", "learned|learning|learn|read about", []],
  ["educational", "edu.class", "class|unit|lecture|training|workshop|course on|about|today", []],
  ["educational", "edu.news", "on the news / saw on", []],
  ["educational", "edu.asking_for", "asking for a", []],
  ["educational", "edu.might_be", "might|may be suicidal|overdosing|relapsing", []],
  ["educational", "edu.how_long", "how long does|do|is", []],
  ["educational", "edu.difference", "difference between", []],
  ["educational", "edu.is_relapse", "is relapse|overdose|suicide", []],
  ["educational", "edu.algospeak", "algospeak|slang", []],
  ["educational", "edu.bring_up", "bring it up / how do you ~3 help|talk|know", []],
  ["educational", "edu.what_are", "what are the", []],
  ["educational", "edu.book", "book|books|novel|memoir|poem|poetry|bok|boks", []],
  // advice and supportive replies that name the crisis to help with it
  [
    "educational",
    "edu.if_anyone",
    "if anyone|anybody|someone|somebody|you ~3 thinking|feeling|struggling|having|is|are / reach out ~3 mod|someone|us|988|hotline / you matter",
    [],
  ],
  [
    "educational",
    "edu.advice_911",
    "(still|always|anyway|should|must|sure to) ~1 call 911 / call 911 ~2 (for someone|anyway) / good samaritan / harm reduction / never use alone / test strips / wear off",
    [],
  ],
  [
    "educational",
    "edu.hotline_es",
    "linea|lineas de ~2 prevencion|ayuda|crisis / prevencion del suicidio / para (una amiga|un amigo|mi amiga|mi amigo)",
    [],
  ],
  [
    "educational",
    "edu.hotline",
    "(hotline|lifeline|988|crisis line|crisis text) ~3 for|number|work|open / for a friend",
    [],
  ],
  // a screening question answered no ("asked if i ever had thoughts of..., i said no")
  ["denial", "deny.said_no", "i ~1 said|say|answered|told ~1 no|nope|never", []],
  // raise the level
  [
    "time_now",
    "time.tonight",
    "tonight|rn / right now / esta noche / ahora mismo / in an hour / in ~1 ?a ~1 few|couple|5|10|15|20|ten|fifteen ~1 minutes|min|mins",
    [],
  ],
  ["time_now", "time.asleep", "once|after|when everyone|everybody ~2 asleep|sleeping|leaves|gone", []],
  ["time_now", "time.bye", "bye|goodbye / this is it", []],
  ["time_later", "time.later", "@weekday|soon|manana / next|this week / fin de semana", []],
  ["time_later", "time.es_cuando", "cuando salga|sale|llegue|vuelva / cuando lo|la vea|veo", []],
  // the writer is drunk or high now (capability: DESIGN.md raises ideation when intoxicated)
  [
    "intox",
    "intox.now",
    "im|am|currently|still|so ~1 drunk|wasted|high|loaded|hammered|blackout / been drinking|using ~2 (all day|all night|since|tonight)",
    [],
  ],
  ["plan", "plan.planned", "planned|planning|plan / figured out / know how", []],
  ["means", "means.weapon", "@weapon", []],
  ["means", "means.stash", "@pills saved|ready|stashed", []],
  [
    "means",
    "means.counted",
    "counted|lined|laid|set ~1 out|up ~3 @pills / @pills ~2 counted|lined|laid ~1 out|up",
    [],
  ],
  ["means", "means.es", "tengo|compre ~2 las|la|una ~1 pastillas|cuerda|pistola|navaja", []],
  ["means", "means.by_door", "by the door / in the car / loaded", []],
  ["laugh", "laugh.words", "@laugh|jk|joking|kidding", []],
  // lost tolerance: use after clean time plus these is an overdose risk (DESIGN.md)
  [
    "od_risk",
    "risk.tolerance",
    "fent|fentanyl|tranq|dope|heroin|tolerance / used|using|shot|shooting|use ~2 alone / alone in ~1 my|a|the ~1 car|room|bathroom|apartment|house|truck / same|usual|old|full amount|dose / as much as ~2 before|used|usual",
    [],
  ],
];
