/**
 * How a third party's full name is introduced, for names on no list: the words before it ("my
 * sponsor", "his name is", "tell", "se llama") or after it ("from the tuesday group"), and the
 * words that are never part of a name. Plain lists so that a reviewer can read and extend them.
 */

const RELATIONS = `sponsor sponsee therapist counselor counsellor psychiatrist psychologist doctor dr nurse
caseworker case-manager social-worker probation-officer parole-officer po lawyer attorney boss manager supervisor
coworker co-worker neighbor neighbour roommate landlord landlady teacher coach pastor priest mom mum dad mother
father sister brother wife husband partner boyfriend girlfriend bf gf fiance fiancee ex son daughter aunt uncle
cousin grandma grandpa grandmother grandfather friend buddy bestie dealer abuser mentor stepdad stepmom`;

// Spanish verbs end like names ("mi novio toma mucho"), so these count for capitalised names only
const RELATIONS_ES = `padrino madrina terapeuta consejero consejera psicologo psicologa psicólogo psicóloga psiquiatra doctora medico
medica médico médica enfermero enfermera jefe jefa vecino vecina esposo esposa marido novio novia hermano hermana
mama mamá papa papá madre padre hijo hija tio tia tío tía primo prima abuelo abuela amigo amiga companero
companera compañero compañera abogado abogada`;

const rx = (list: string): string =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/-/g, "[ -]?"))
    .join("|");

/** "his name is", "named", "se llama": what follows is a name, even in lower case. */
export const STRONG_BEFORE =
  /(?:\b(?:his|her|their|my|the|whose|su|mi|tu|your|[a-z]+['’]s)(?: (?:real|full|last))? name(?:['’]s|s| is| was|:| es)|\b(?:su|mi|tu) nombre (?:es|era)|\bnamed|\b(?:guy|girl|woman|man|lady|dude|person|someone|somebody|kid|boy|chick|chica|chico|senor|señor|senora|señora) called|\bgoes by|\bse llama(?:ba)?|\bllamad[oa]|\bde nombre)[ :]*/;

/** "my sponsor", "his caseworker": a person of the writer's life. */
export const RELATION_BEFORE = new RegExp(
  `\\b(?:my|his|her|our|their|your)(?: (?:new|old|former|ex|step|best))? (?:${rx(RELATIONS)})(?: is| was|,)?[ ,:]*`,
);

/** "mi padrino", "la jefa de mi hermana": the Spanish relations. */
export const RELATION_ES_BEFORE = new RegExp(
  `\\b(?:mi|su|tu|el|la|nuestro|nuestra)(?: (?:nuevo|nueva|ex))? (?:${rx(RELATIONS_ES)})(?: es|,)?[ ,:]*`,
);

const VERBS = `tell told ask asked text texted call called message messaged dm dmed thank meet met saw know knows knew
remember remembers visit visited
ran-into talk-to talked-to spoke-to dile-a pregunta-a llama-a llame-a llamé-a habla-con hable-con hablé-con`;

/** "tell", "text", "dile a": a person is the object; counts only for capitalised names. */
export const VERB_BEFORE = new RegExp(`\\b(?:${rx(VERBS).replace(/\[ -\]\?/g, " ")})[ ,:]*`);

/**
 * The last word of every cue above, for a cheap first test before the patterns run: "is" ("his
 * name is"), "sponsor", "worker" ("social worker"), "llama", "a" ("dile a")...
 */
export const CUE_LAST_WORDS: readonly string[] = [
  ...`is was es era name names named by called llama llamaba llamado llamada nombre`.split(" "),
  ...[RELATIONS, RELATIONS_ES, VERBS].flatMap((l) =>
    l
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.split("-").pop()!),
  ),
];

/** "X Y from the tuesday group", "X Y de la reunión": a person from the writer's circles. */
export const CIRCLE_AFTER =
  /^,? (?:from|de|del) (?:(?:the|my|our|el|la|mi|nuestro|nuestra) )?(?:[a-záéíóúñ]+ ){0,2}(?:group|meeting|mtg|church|work|office|rehab|detox|class|program|aa|na|grupo|reunion|reunión|iglesia|trabajo|oficina)\b/;

/** "X Y, my sponsor", "X Y is my sponsor", "X Y es mi padrino": the relation follows the name. */
export const RELATION_AFTER = new RegExp(
  `^,? (?:(?:is|was|es|era) )?(?:my|our|his|her|mi|su|nuestro|nuestra) (?:new |old |former |ex |nuevo |nueva )?(?:${rx(RELATIONS)}|${rx(RELATIONS_ES)})\\b`,
);

/** The first words of the cues after a name, for the same cheap first test. */
export const AFTER_FIRST_WORDS: readonly string[] =
  "from de del is was es era my our his her mi su nuestro nuestra".split(" ");

/** Capitalised words of recovery, faith and everyday talk that are never a person's name. */
export const NEVER_NAME: ReadonlySet<string> = new Set(
  `higher power god lord jesus christ big book step steps tradition traditions serenity prayer program group
recovery meeting meetings zero one two three four five six seven eight nine ten eleven twelve happy birthday
merry christmas new year easter thanksgiving mom mum dad mama papa everyone everybody thanks thank you love
lol lmao rn idk tbh omg ngl imo btw fr smh ty thx pls plz u ur r n bc cuz tho gonna wanna gotta aint isnt wont
cant doesnt didnt hasnt kinda sorta legit prolly lowkey def really never always also still even just again
bought brought caught taught thought fought found made said told sold held felt kept left lost meant met paid
put read ran sat saw sent slept spent stood took understood won wrote broke chose drove ate fell forgot gave got
grew hid knew rode rose sang shook spoke stole swam threw woke wore began came drank sank swore bit built burnt
dealt drew fed fled flew forgave froze hung heard hurt laid led lent lit quit rang shot shut stuck struck swept
tore wept dice dijo esta está estaba fue es era tiene tenia tenía quiere sabe vive trabaja me te le nos se lo
como que cuando donde porque pero siempre nunca tambien también todo todos bien mal muy`
    .split(/\s+/)
    .filter(Boolean),
);

/** A title before a capitalised name: "Dr. Lena Morrow", "nurse Gwendolyn Achebe". */
export const TITLE_BEFORE =
  /\b(?:dr|doctor|nurse|officer|judge|coach|pastor|father|fr|mr|mrs|ms|miss|prof|professor|counselor|detective|sgt|sergeant|rev|reverend|deputy|dra|doctora|enfermera|enfermero|licenciada|licenciado|lic)\.?[ ,:]*$/;

/**
 * Public figures people in recovery talk about: their names are public, not a third party's
 * private information. A reviewer extends the list; lower case, as the tokens spell them
 * (repeated letters collapsed, so "matthew" is written "mathew").
 */
export const PUBLIC_FIGURES: ReadonlySet<string> = new Set(
  `anthony hopkins|mathew pery|amy winehouse|johny cash|robert downey|demi lovato|elton john|eric clapton|bil wilson|
russel brand|drew barymore|jamie curtis|samuel jackson|brad pit|ben afleck|daniel radclife|bradley cooper|
stephen king|carie fisher|whitney houston|kurt cobain|mac miler|philip hofman|lil peep|juice wrld|tom holand|
keith urban|jada smith|selena gomez|kid cudi|lady gaga|ozy osbourne|steven tyler|glenn close|susan cain|
brene brown|gabor mate|taylor swift|mario kart|animal crosing|grand theft|john wick|harry poter`
    .split("|")
    .map((n) => n.trim())
    .filter(Boolean),
);

/** Words before a capitalised pair that make it a work, a public figure or a game. */
export const PUBLIC_BEFORE =
  /\b(?:watched|watching|read|reading|played|playing|listened to|listening to|actor|actress|singer|author|writer|rapper|quote from|quoting|the late|famous|celebrity|written by|book by|song by|album by|directed by|libro de|cancion de|canción de)[ ,:]*$/;

/** Words after a capitalised pair that make it a work or a public figure ("... documentary"). */
export const PUBLIC_AFTER =
  /^(?:['’]s )?(?:documentary|biography|memoir|book|books|song|songs|album|movie|film|show|concert|podcast|interview|quote|lyrics|tour|ted talk|documental|libro|cancion|canción|pelicula|película)\b/;
