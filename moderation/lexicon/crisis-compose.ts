/**
 * Level-3 evidence by composition: word classes that a clinician can review, combined by a few
 * rules in detectors/crisis.ts, instead of one phrase per way of saying it. "the rope is already
 * in my car", "keep the gun loaded in the nightstand", "pills counted out on my desk" are all
 * one rule: a lethal means, and a sign that it is at hand (possession, acquisition, readiness or
 * a place), in the writer's own clause.
 *
 * Words are folded like message text (repeated letters collapse, so "kill" is written "kil" by
 * the matcher; here write them plainly, they are folded when compiled).
 */

/** Means that are lethal on their own: with readiness or a place they are level 3 by themselves. */
export const MEANS_LETHAL: readonly string[] = [
  "rope",
  "noose",
  "gun",
  "guns",
  "pistol",
  "handgun",
  "revolver",
  "rifle",
  "shotgun",
  "glock",
  "bullet",
  "bullets",
  "ammo",
  "razor",
  "razors",
  "blade",
  "blades",
  "cuerda",
  "soga",
  "pistola",
  "arma",
  "navaja",
  "cuchilla",
];

/**
 * Means that are everyday objects too (medication, a knife, a belt, a high place): level 3
 * only with a stockpiling act, or beside the writer's own distress or ideation.
 */
export const MEANS_COMMON: readonly string[] = [
  "pills",
  "pill",
  "meds",
  "medication",
  "tablets",
  "bottle",
  "knife",
  "knives",
  "belt",
  "cord",
  "charger",
  "bridge",
  "roof",
  "rooftop",
  "ledge",
  "overpass",
  "tracks",
  "cliff",
  "balcony",
  "fentanyl",
  "fent",
  "heroin",
  "bleach",
  "antifreeze",
  "poison",
  "charcoal",
  "insulin",
  "pastillas",
  "puente",
  "azotea",
  "veneno",
];

/** The means is at hand: possession, acquisition, readiness. */
export const AT_HAND: readonly string[] = [
  "loaded",
  "ready",
  "already",
  "bought",
  "buy",
  "buying",
  "purchased",
  "ordered",
  "got",
  "keep",
  "keeping",
  "holding",
  "hidden",
  "hid",
  "hide",
  "tied",
  "sharpened",
  "cleaned",
  "picked",
  "waiting",
  "set",
  "out",
  "lista",
  "listo",
  "compre",
  "tengo",
  "escondida",
  "escondido",
  "cargada",
];

/** Stockpiling acts: enough to make an everyday object a means. */
export const STOCKPILE: readonly string[] = [
  "saved",
  "saving",
  "stockpiled",
  "stockpiling",
  "hoarded",
  "hoarding",
  "stashed",
  "collected",
  "collecting",
  "counted",
  "counting",
  "lined",
  "enough",
  "guardadas",
  "guardando",
  "junte",
  "juntando",
];

/** Places a means is kept ready ("in my car", "under my bed"). */
export const PLACES: readonly string[] = [
  "car",
  "trunk",
  "glovebox",
  "nightstand",
  "drawer",
  "closet",
  "bag",
  "backpack",
  "pocket",
  "purse",
  "bed",
  "pillow",
  "garage",
  "basement",
  "desk",
  "shed",
  "carro",
  "coche",
  "cajon",
  "mochila",
];

/**
 * Means restriction and ordinary use: the means is away from the writer or kept safe, which is
 * what a specialist hopes to read. Any of these in the clause cancels the composition.
 */
export const SAFE_WITH_MEANS: readonly string[] = [
  "locked",
  "lock",
  "lockbox",
  "safe",
  "gave",
  "give",
  "giving",
  "sold",
  "rid",
  "away",
  "handed",
  "removed",
  "disposed",
  "flushed",
  "dropped",
  "hunting",
  "range",
  "deer",
  "season",
  "pharmacy",
  "refill",
  "prescribed",
  "prescription",
  "doctor",
  "boat",
  "camping",
  "climbing",
  "cooking",
  "kitchen",
  "chef",
  "shaving",
  "tow",
  "movers",
  "moving",
  "gym",
];
