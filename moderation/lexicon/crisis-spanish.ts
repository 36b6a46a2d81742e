/**
 * Spanish basics across categories. Accents are folded away before matching, so write them
 * without accents ("me tome" matches "me tomé").
 */
import type { CrisisCategory } from "../types.ts";
import type { SignalRow } from "./crisis-types.ts";

export const SPANISH: readonly (readonly [CrisisCategory, SignalRow])[] = [
  ["self_harm", ["es.vacia", 1, "me siento ~1 vacia|vacio|sola|solo|perdida|perdido"]],
  ["self_harm", ["es.nada_importa", 1, "nada me importa / no me importa nada"]],
  ["self_harm", ["es.no_aguanto", 1, "no aguanto ~1 mas"]],
  [
    "self_harm",
    [
      "es.quiero_morir",
      2,
      "quiero morir|morirme|matarme|desaparecer|suicidarme / me quiero morir|matar|suicidar",
    ],
  ],
  ["self_harm", ["es.ganas_morir", 2, "ganas de morir|morirme|matarme|desaparecer|suicidarme"]],
  ["self_harm", ["es.quitar_vida", 2, "quitarme|quitar ~1 la vida", ["intent"]]],
  [
    "self_harm",
    [
      "es.no_despertar",
      2,
      "mejor no despertar|despertarme|existir|estar / no despertar|despertarme nunca|mas",
    ],
  ],
  ["self_harm", ["es.mejor_sin_mi", 2, "mejor sin mi / mejor si yo no ~1 estuviera|existiera"]],
  ["self_harm", ["es.no_quiero_vivir", 2, "no quiero ~1 vivir|seguir|despertar"]],
  ["self_harm", ["es.suicidarme", 2, "suicidarme|suicidio|suicida"]],
  [
    "self_harm",
    ["es.pastillas_guardadas", 3, "tengo|guardado|guardando ~2 pastillas|medicinas ~1 guardadas"],
  ],
  ["self_harm", ["es.esperando", 3, "esperando el momento"]],
  ["self_harm", ["es.me_voy_a_matar", 3, "me voy a matar|suicidar", ["intent"]]],
  ["self_harm", ["es.tome_todas", 4, "tome ~1 todas|todo ~2 pastillas|frasco|bote", ["firm"]]],
  ["self_harm", ["es.despedida", 4, "perdon|adios a todos"]],
  ["overdose", ["es.no_respira", 4, "no respira|despierta|reacciona", ["firm", "third"]]],
  ["overdose", ["es.sobredosis", 4, "sobredosis", ["firm", "third"]]],
  ["harm_others", ["es.matar", 2, "voy a matar ~1 a", ["intent", "hyper"]]],
  ["harm_others", ["es.donde_trabaja", 3, "se donde trabaja|vive"]],
  ["abuse", ["es.grita", 1, "me grita|empuja|insulta|controla"]],
  [
    "abuse",
    ["es.pega", 2, "me pega|golpea|ahorca|empujo|pego|golpeo|encierra|encerro / miedo de volver a casa"],
  ],
  ["abuse", ["es.amenaza", 3, "me va a matar / me amenazo|amenaza con matarme / dijo que me mataria"]],
  ["abuse", ["es.miedo", 1, "me da miedo"]],
  ["relapse", ["es.recai", 1, "recai|recaida|relapse"]],
  ["relapse", ["es.volvi", 1, "volvi a tomar|beber|consumir|usar|drogarme|fumar / recaer|recaido"]],
];
