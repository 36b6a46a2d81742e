/**
 * Common English and Spanish words that are never a handle or a surname. Used to tell
 * "add me on snap later" from "add me on snap sobersteph", and "sarah said" from "sarah kim".
 */
const LIST = `a about above after again against all almost alone along already also although always am among an and
another any anyone anything anyway are around as ask asked at away back bad be because been before being below
best better between big both but by call called came can cant come coming could couldnt day days did didnt do does
doesnt doing done dont down during each early else enough even ever every everyone everything few find first for
found from friend friends get gets getting give gave go goes going gone good got great group had has hasnt have
havent having he her here hers him his home how however i if im in into is isnt it its just keep kind know last
late later least less let like little long look lot made make many may maybe me meet meeting might mine more most
much must my myself need never new next no nobody none nor not nothing now of off often oh ok okay old on once one
only or other our out over own people please plus pretty quite rather really right room said same saw say says
see seems she should since so some someone something sometimes soon still such sure take talk tell than thank
thanks that thats the their them then there these they thing things think this those though through time to today
told tomorrow tonight too took try two under until up upon us use used very want was wasnt way we week well went
were what when where which while who whom why will with without wont would yeah yes yet you your yours lol tho
asked wants texted text texts called calls says said gave gives told tells thinks thought knows knew met meets
runs ran drove drives picked picks left leaves sent sends posted posts shared shares came comes went goes
loves loved likes liked hates hated helped helps was is and or but from at in on with to for of the by
after before today tonight yesterday again always never also too just still even maybe probably definitely
sponsor therapist counselor doctor dr mom dad sister brother friend buddy wife husband partner ex kid kids son
daughter aunt uncle cousin grandma grandpa boss coworker neighbor roommate group room meeting chat app phone
number email address name later soon tomorrow morning night evening afternoon week weekend month year
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december here there everyone anyone someone nobody somebody all
de la el en y que los las por para con una un es se lo su al del mas muy pero como ya no si me mi te tu
yo le les nos hoy manana ayer aqui alli bien mal gracias hola buenas noches dias
the my your his her our their its
`;

/** Lower-case words that are never taken for a handle or a surname. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
