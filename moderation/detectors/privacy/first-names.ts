/**
 * Common first names (US, Hispanic, a few others), lower-case. A full name is a first name from
 * this list followed by a surname-like word. AMBIGUOUS names double as ordinary words or drug
 * slang and only count when both words are capitalised in the original.
 */
const NAMES = `aaron abby abigail adam adrian aiden aisha alan albert alejandra alejandro alex alexa alexander
alexis alfredo ali alice alicia alison allison alma alyssa amanda amber amelia amy ana andre andrea andres andrew
andy angel angela angelica angie anita ann anna anne annie anthony antonio april ariana armando arthur ashley
audrey austin barbara ben benjamin beth betty beverly bianca blake bobby brad bradley brandon brenda brian
brittany brooke bruce bryan caitlin caleb cameron camila carl carla carlos carmen carol carolina caroline
carrie casey cassandra catherine cecilia cesar chad charles charlotte chelsea cheryl chloe chris christian
christina christine christopher cindy claire clara claudia cody colin connor courtney craig cristina crystal
cynthia daisy dakota dale dan dana daniel daniela danielle danny darius darren dave david dawn dean deborah
debra denise dennis derek destiny devin diana diane diego dmitri dolores dominic donald donna doris dorothy
douglas dylan eddie edgar eduardo edward elena elijah elizabeth ella ellen emily emma enrique eric erica erik
erin esther ethan eugene evan evelyn fatima felix fernando frances francisco gabriel gabriela gabriella gary
george gerald gina gloria gordon grace greg gregory guadalupe gustavo hailey hannah harold heather hector
helen henry holly hugo ian irene isaac isabel isabella ivan jack jacob jacqueline jaime jake james jamie jane
janet janice jared jasmine jason javier jay jeff jeffrey jenna jennifer jenny jeremy jerry jesse jessica jesus
jill jim jimmy joan joe joel john johnny jon jonathan jordan jorge jose joseph josh joshua joy juan juana
judith judy julia julian julie justin karen karina kate katherine kathleen kathy katie kayla keith kelly
kelsey ken kenneth kevin kim kimberly kristen kristin kyle laura lauren leah lee leo leslie liam lily linda
lindsay lisa logan lorena lori louis lucas lucia luis luisa luke lupita luz lydia madison makayla manuel marco
marcus margaret maria mariana marie marilyn mario marisol mark martha martin marvin mary mason matthew maya
megan melanie melissa michael michelle miguel mike miranda molly monica morgan nancy naomi natalia natalie
nathan nicholas nicole noah nora olivia omar oscar pablo pam pamela patricia patrick paul paula pedro peter
philip phillip priya rachel rafael ralph ramon randy raquel ray raymond rebecca regina ricardo richard rick
ricky rita rob robert roberto robin rodrigo roger ronald rosa rose ruby russell ruth ryan sabrina sam samantha
samuel sandra sara sarah scott sean sergio shannon sharon shawn sheila shirley silvia sofia sophia stacy
stephanie stephen steve steven susan sydney tammy tanya tara taylor teresa terry theresa thomas tiffany tim
timothy tina todd tom tommy tony tracy travis tyler valerie vanessa veronica vicky victor victoria vincent
virginia walter wanda wayne wendy william xavier yolanda yvonne zachary zoe`;

/** Names that are also common words or slang ("will", "molly", "crystal"): need capitals. */
const AMBIGUOUS_LIST = `will may june april grace hope faith joy mark bill pat rose art jack chase frank sue drew
dawn summer autumn amber crystal molly tina mary charlie charity destiny robin ray dean guy max angel sky river
jay lee kim dana jordan taylor morgan casey jamie sam alex`;

/** Lower-case first names. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
/** First names that only count when written with capitals. */
export const AMBIGUOUS_NAMES: ReadonlySet<string> = new Set(AMBIGUOUS_LIST.split(/\s+/).filter(Boolean));
