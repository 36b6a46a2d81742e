/**
 * Overdose, harm to others, abuse (the writer is unsafe) and relapse language, English.
 * Overdose of anyone, the writer or someone else, in progress is level 4 (DESIGN.md).
 */
import type { SignalRow } from "./crisis-types.ts";

export const OVERDOSE: readonly SignalRow[] = [
  ["od.batch_off", 1, "batch|bag|stuff|shit ~3 off|stronger|weird|strong"],
  ["od.nodded", 1, "nodded|nodding out|off"],
  ["od.using_alone_3p", 1, "keeps|been using alone"],
  ["od.no_care", 2, "dont|wouldnt ?even care if ~2 od|odd|overdose / dont|wouldnt ?even care if ~3 kils me"],
  ["od.next_hit", 2, "next hit|shot|one|batch ~4 dont|never wake"],
  [
    "od.entire_lot",
    3,
    "do|take|use|shoot ~1 the|it ~1 entire|whole|all ~1 lot|bag|stash|everything",
    ["intent"],
  ],
  ["od.using_alone", 3, "using|use ~1 it ~1 alone ~2 weekend|tonight|anyway"],
  ["od.cut_with", 2, "cut|laced with ~1 something|fent|fentanyl"],
  ["od.not_breathing", 4, "not|isnt|barely|stopped|wont breathing|breathe", ["firm", "third"]],
  [
    "od.wont_wake",
    4,
    "wont|cant|doesnt|didnt wake ~1 up|him|her|them / not|isnt|wasnt waking ~1 up",
    ["firm", "third"],
  ],
  [
    "od.next_shot",
    2,
    "dont|never|not wake ~1 up ~3 after|from the|my|this next ~1 shot|hit|one|line|dose|batch",
  ],
  ["od.unconscious", 4, "unconscious / turning|turned|gone|going blue|grey|gray", ["firm", "third"]],
  ["od.blue_lips", 4, "lips ~2 blue|purple|grey|gray", ["firm", "third"]],
  ["od.gurgling", 4, "gurgling|gurgle|snoring ~1 noises|sounds|weird", ["firm", "third"]],
  ["od.not_responding", 4, "not|isnt responding|responsive", ["firm", "third"]],
  ["od.unresponsive", 4, "unresponsive", ["firm", "third"]],
  ["od.passed_out", 4, "passed out ~6 needle|syringe|pills|wont|cant", ["firm", "third"]],
  ["od.odding", 4, "@they|im ~1 oding|odding|overdosing|od|odd", ["firm", "third"]],
  ["od.odding_now", 4, "oding|odding|overdosing rn|now", ["firm", "third"]],
  // a large amount taken at once: "took like 30 of my tylenol", "took a bunch of xanax"
  ["od.took_qty", 4, "took|taken|swallowed|popped|ate|downed ~2 @qty ~3 @pills", ["firm"]],
  // an overdose hours ago, reversed or treated: still the top level (DESIGN.md)
  [
    "od.od_recent",
    4,
    "od|odd|oded|overdosed ~2 last night|yesterday|earlier|today|this morning / narcan|narcaned me / had to narcan ~1 me / narcan me ~1 twice|again",
    ["firm"],
  ],
  ["od.took_too_much", 4, "took|taken|did|had ~1 too|way ~1 much|many", ["firm"]],
  ["od.think_od", 4, "think ~2 od|odd|oding|overdosing|overdosed", ["firm"]],
  ["od.heart", 4, "heart ~2 racing|pounding|crazy", ["firm"]],
  ["od.cant_feel", 4, "cant feel my ~1 hands|legs|face|arms", ["firm"]],
  ["od.seizure", 4, "having|had a seizure / seizing", ["firm", "third"]],
  ["od.cant_stay_awake", 4, "cant stay awake / cant keep my eyes open", ["firm"]],
  ["od.dropped", 4, "just dropped|collapsed / collapsed", ["firm", "third"]],
  ["od.call_911", 4, "call 911|ambulance / call an ambulance", ["firm", "third"]],
  ["od.narcan_now", 4, "gave|giving ~2 narcan|naloxone ~6 still|nothing|not", ["firm", "third"]],
  ["od.need_narcan", 4, "anyone have narcan|naloxone / need narcan|naloxone", ["firm", "third"]],
];

export const HARM_OTHERS: readonly SignalRow[] = [
  ["ho.punched", 1, "punched|punch ~1 a ~1 hole|wall"],
  ["ho.anger", 1, "anger|rage ~3 out of control / anger|rage ~2 scares me"],
  ["ho.scare_self", 1, "angry ~4 scare myself / scared|afraid of what il|i ~1 do"],
  ["ho.snapped", 1, "snapped at my ~1 kid|kids|son|daughter"],
  ["ho.kill_person", 1, "@gonna ?to kil*|murder|hurt|stab|shoot @person", ["intent", "hyper"]],
  [
    "ho.thoughts_hurt",
    2,
    "thoughts|thinking|fantasize|fantasizing|dream about ~1 hurting|kiling|hurt|kil|stabing|shooting|making",
  ],
  [
    "ho.think_hurt",
    2,
    "think|thought about ~1 hurting|kiling|stabing|shooting|beating ~1 people|someone|somebody|others|him|her|them",
  ],
  // a named method against a person is more than the hyperbolic "gonna kill him"
  ["ho.method_person", 2, "@gonna ?to stab|shoot|strangle|choke|beat @person", ["intent", "hyper"]],
  ["ho.swear", 3, "swear ~4 @gonna ?to hurt|stab|shoot|strangle|beat @person", ["intent", "hyper"]],
  ["ho.make_pay", 2, "make|making ~2 pay"],
  ["ho.want_hurt", 2, "@want to hurt|kil|stab|shoot @person"],
  ["ho.someone_hurt", 2, "someone|somebody|people ~1 gonna|going|wil ~1 get hurt"],
  ["ho.bringing_weapon", 3, "bringing|bring|grab*|got|have|taking ~2 @weapon", ["intent"]],
  ["ho.know_where", 3, "i know where ~2 lives|works|live|work|is"],
  ["ho.regret", 3, "gonna|going|wil ?to regret ~3 did|doing"],
  ["ho.learn", 3, "gonna|going ?to learn"],
  ["ho.standing_over", 3, "standing over him|her|them"],
  ["ho.end_this", 3, "i end this|it", ["intent"]],
  [
    "ho.heading_with",
    3,
    "heading|going ~3 right|now|rn|tonight ?now ~1 with the|my|a ~1 @weapon / on my way to ~3 with the|my ~1 @weapon",
    ["intent"],
  ],
];

export const ABUSE: readonly SignalRow[] = [
  [
    "ab.phone",
    1,
    "@partner ~2 goes|looks|went through my phone / @partner ~2 checks|takes|took|sells|steals my ~1 phone|money|meds|car|keys",
  ],
  ["ab.screams", 1, "@partner ~2 screams|yells|scream|yell at|if"],
  ["ab.pressure", 1, "pressuring|pressures me to"],
  // blackmail: "says he'll tell everyone... if i dont send them"
  [
    "ab.blackmail",
    2,
    "hel|shel|theyl|he|she|they|threatens|threatened|threatening ?wil ?to tel|post|show|leak|expose|send ~1 everyone|everybody|people|group|pics|photos|nudes|pictures|videos|me ~4 if|unless i ~1 dont|wont|do|stop|leave",
  ],
  [
    "ab.scared_of",
    2,
    "scared|afraid|terrified of him|her / scared|afraid|terrified of my husband|wife|partner|bf|gf|boyfriend|girlfriend|stepdad",
  ],
  ["ab.believe", 1, "nobody would believe me / no one would believe me"],
  ["ab.street", 1, "il be on the street"],
  ["ab.wont_let", 1, "@partner ~2 wont let me / wont|doesnt let me ~1 leave|see|talk|call"],
  [
    "ab.controls",
    1,
    "@partner ~2 controls|control|controling ~1 my|all|the ~1 money|phone|meds|car|everything",
  ],
  [
    "ab.hits",
    2,
    "@partner ~2 hits|hit|beats|beat|slaps|slaped|chokes|kicks|kicked|shoves|shoved|pushes|pushed|punches|punched|smacks|smacked|grabs|grabed|burns|bit|bites me / @partner ~2 throws|threw things|stuff at me",
  ],
  ["ab.locked_in", 2, "@partner ~2 locks|locked|locking me in|out / locked me in"],
  ["ab.scared_home", 2, "scared|afraid to go home"],
  ["ab.kill_me", 3, "@partner ~3 wil|gonna|gona kil|hurt me / @partner ~3 kils me"],
  [
    "ab.threat",
    3,
    "hel|shel|theyl|hed|shed|theyd kil|hurt|murder me / he|she|they ~1 would|wil|gonna|going ?to kil|murder me / threatened|threatens|threatening to kil|hurt|murder me",
  ],
  ["ab.coming_for", 3, "coming for|after me"],
  ["ab.knows_address", 3, "knows ~2 new|my address / knows where i live"],
  ["ab.keeps_gun", 3, "keeps|has the|a gun"],
  ["ab.choked", 4, "choked|choking|strangled|strangling me", ["firm"]],
  ["ab.banging", 4, "banging|pounding on the|my door", ["firm"]],
  ["ab.hiding", 4, "im hiding / im locked in", ["firm"]],
  ["ab.call_cops", 4, "call the cops|police", ["firm"]],
];

export const RELAPSE: readonly SignalRow[] = [
  ["re.relapsed", 1, "relapsed|relapsing|relapse|relaps*"],
  ["re.slipped", 1, "i slipped / had a slip"],
  ["re.picked_up", 1, "picked up ~2 last|yesterday|again|after|tonight|today"],
  ["re.went_out", 1, "went out ~2 weekend|again|last|night|week"],
  ["re.using_again", 1, "using|drinking|drank|used again"],
  [
    "re.used_when",
    1,
    "used|drank yesterday|today|tonight|again / used|drank last night|week|weekend / got high|drunk ~1 yesterday|last|today|tonight|again",
  ],
  // use after a period of abstinence ("drank a fifth after 8 months sober")
  [
    "re.after_clean",
    1,
    "drank|used|smoked|snorted|shot|popped|drinking|using|picked|took|got|had|did ~6 after ~4 clean|sober|off|without|dry|abstinent|free",
    ["after_clean"],
  ],
  [
    "re.first_time_in",
    1,
    "shot|picked up ~2 first time in|since / got high|drunk|wasted|loaded ~2 first time in|since / drank|used|smoked|snorted|popped ~2 first time in|since",
    ["after_clean"],
  ],
  [
    "re.sober_gone",
    1,
    "sober|clean|sobriety ~1 gone|ruined|wasted|blown|over / clean|sober time|streak ~1 gone|ruined|blown",
    ["after_clean"],
  ],
  ["re.so_close", 1, "so close to ~1 drinking|using|opening|picking|caving|relapsing|buying"],
  ["re.day_one", 1, "day 1|one|0|zero again|tomorrow"],
  ["re.back_day", 1, "back at|to day 1|one|0|zero / back to square one"],
  ["re.lost_time", 1, "lost|reset my ~1 clean|sober time|date"],
  ["re.craving", 1, "craving|cravings|crave / urge|urges to use|drink"],
  ["re.white_knuckle", 1, "white knuckling|knuckle|knuckled"],
  [
    "re.high_now",
    1,
    "high|drunk|wasted|loaded|hammered rn|now|af|asf / im|am|currently ~1 high|drunk|wasted|loaded|hammered",
  ],
  ["re.dragon", 1, "chasing the dragon"],
  ["re.dealer", 1, "old|my dealer|plug ~1 texted|called|messaged|hit"],
  ["re.baggie", 1, "found|have ~2 baggie|stash|bag"],
  [
    "re.gonna_use",
    1,
    "@gonna ?to use|drink|score / @gonna ?to pick up / @gonna ?to get high|drunk|wasted",
    ["intent"],
  ],
  ["re.had_drinks", 1, "had ~2 beers|drinks|shots"],
  ["re.urge", 1, "urge to use|drink ~2 constant|back|strong"],
  ["re.down_drain", 1, "down the drain"],
  ["re.scored", 1, "scored from|some"],
  ["re.that_happened", 1, "so that happened"],
  ["re.triggered", 1, "so triggered"],
];
