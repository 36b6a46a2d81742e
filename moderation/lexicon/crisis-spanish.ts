/**
 * Spanish basics across categories. Accents are folded away before matching, so write them
 * without accents ("me tome" matches "me tomé").
 */
import type { CrisisCategory } from "../types.ts";
import type { SignalRow } from "./crisis-types.ts";

export const SPANISH: readonly (readonly [CrisisCategory, SignalRow])[] = [
  ["self_harm", ["es.vacia", 1, "me siento ~1 vacia|vacio|sola|solo|perdida|perdido", []]],
  ["self_harm", ["es.nada_importa", 1, "nada me importa / no me importa nada", []]],
  ["self_harm", ["es.no_aguanto", 1, "no aguanto ~1 mas", []]],
  [
    "self_harm",
    [
      "es.quiero_morir",
      2,
      "quiero morir|morirme|matarme|desaparecer|suicidarme / me quiero morir|matar|suicidar",
      [],
    ],
  ],
  ["self_harm", ["es.ganas_morir", 2, "ganas de morir|morirme|matarme|desaparecer|suicidarme", []]],
  ["self_harm", ["es.quitar_vida", 2, "quitarme|quitar ~1 la vida", [], ["intent"]]],
  [
    "self_harm",
    [
      "es.no_despertar",
      2,
      "mejor no despertar|despertarme|existir|estar / no despertar|despertarme nunca|mas",
      [],
    ],
  ],
  ["self_harm", ["es.mejor_sin_mi", 2, "mejor sin mi / mejor si yo no ~1 estuviera|existiera", []]],
  ["self_harm", ["es.no_quiero_vivir", 2, "no quiero ~1 vivir|seguir|despertar", []]],
  ["self_harm", ["es.suicidarme", 2, "suicidarme|suicidio|suicida", []]],
  [
    "self_harm",
    ["es.pastillas_guardadas", 3, "tengo|guardado|guardando ~2 pastillas|medicinas ~1 guardadas", []],
  ],
  ["self_harm", ["es.esperando", 3, "esperando el momento", []]],
  ["self_harm", ["es.me_voy_a_matar", 3, "me voy a matar|suicidar", [], ["intent"]]],
  ["self_harm", ["es.tome_todas", 4, "tome ~1 todas|todo ~2 pastillas|frasco|bote", [], ["firm"]]],
  ["self_harm", ["es.despedida", 4, "perdon|adios a todos", []]],
  ["overdose", ["es.no_respira", 4, "no respira|despierta|reacciona", [], ["firm", "third"]]],
  ["overdose", ["es.sobredosis", 4, "sobredosis", [], ["firm", "third"]]],
  ["harm_others", ["es.matar", 2, "voy a matar ~1 a", [], ["intent", "hyper"]]],
  ["harm_others", ["es.donde_trabaja", 3, "se donde trabaja|vive", []]],
  ["abuse", ["es.grita", 1, "me grita|empuja|insulta|controla", []]],
  [
    "abuse",
    ["es.pega", 2, "me pega|golpea|ahorca|empujo|pego|golpeo|encierra|encerro / miedo de volver a casa", []],
  ],
  ["abuse", ["es.amenaza", 3, "me va a matar / me amenazo|amenaza con matarme / dijo que me mataria", []]],
  ["abuse", ["es.miedo", 1, "me da miedo", []]],
  ["relapse", ["es.recai", 1, "recai|recaida|relapse", []]],
  ["relapse", ["es.volvi", 1, "volvi a tomar|beber|consumir|usar|drogarme|fumar / recaer|recaido", []]],
  // passive and active ideation as people write it
  [
    "self_harm",
    [
      "es.ojala",
      2,
      "ojala ~2 (no despertar|no despertara|no despierte|no despertarme|me muriera|me muera|desapareciera|no estuviera)",
      [],
    ],
  ],
  [
    "self_harm",
    [
      "es.no_estar",
      2,
      "seria|es ~2 mas ~1 facil ~1 (no estar|morir|desaparecer) / si me muriera|muero ~4 alivio|mejor",
      [],
    ],
  ],
  [
    "self_harm",
    ["es.no_seguir", 2, "ya no quiero ~1 seguir|estar|vivir|existir / no quiero seguir viviendo", []],
  ],
  ["self_harm", ["es.terminar", 2, "terminar|acabar con (todo|mi vida) / pensando en terminar|acabar", []]],
  [
    "self_harm",
    ["es.no_puedo", 1, "ya no puedo mas / no puedo mas / me ahogo / estoy agotada|agotado de todo", []],
  ],
  // self-injury
  [
    "self_harm",
    [
      "es.corte",
      2,
      "me corte|cortaba|queme|pegue|golpee|lastime ~3 (otra vez|de nuevo|anoche|hoy|hasta|brazo|brazos|piernas|munecas|sentir) / me volvi a cortar|lastimar / volvi a cortarme",
      [],
    ],
  ],
  [
    "self_harm",
    [
      "es.cortes_sangre",
      4,
      "cortes|corte ~4 (no paran|mucha sangre|hondo|profundo) / no para|paran de sangrar / mucha sangre",
      [],
      ["firm"],
    ],
  ],
  // preparation, plan and means
  [
    "self_harm",
    [
      "es.despedida_carta",
      3,
      "carta|cartas|nota ~1 de despedida / escribi ~1 una|unas|las ~1 carta|cartas|nota ~3 para",
      [],
    ],
  ],
  [
    "self_harm",
    [
      "es.regale",
      3,
      "regale|regalando ~2 mis ~1 cosas|ropa / no las|lo|los voy a necesitar / ya no ~1 voy a necesitar",
      [],
    ],
  ],
  ["self_harm", ["es.testamento", 3, "testamento / deje todo a / le deje todo", []]],
  [
    "self_harm",
    [
      "es.ya_decidi",
      3,
      "ya ~1 lo ~1 decidi|escogi|elegi ~2 el dia / ya escogi|elegi|decidi (el dia|la fecha)",
      [],
    ],
  ],
  [
    "self_harm",
    ["es.tengo_medio", 3, "tengo|compre|guardo ~2 una|la ~1 soga|cuerda|pistola|arma|navaja", []],
  ],
  ["self_harm", ["es.tirarme", 3, "(voy a|quiero) ~1 tirarme|aventarme|lanzarme|saltar", [], ["intent"]]],
  [
    "self_harm",
    [
      "es.en_lugar",
      4,
      "estoy en ~1 la|el ~1 azotea|puente|techo|vias|orilla|bano|borde ~6 saltar|navaja|cortes|pastillas|soga|tirarme / estoy en ~1 el|la ~1 puente|azotea|vias",
      [],
      ["firm"],
    ],
  ],
  ["self_harm", ["es.me_tome", 4, "me tome ~2 (todas|todo|las pastillas|el frasco|la caja)", [], ["firm"]]],
  // others, abuse and relapse
  [
    "harm_others",
    [
      "es.lo_mato",
      2,
      "lo|la|los ~1 (mato|voy a matar|matare) / le voy a ~1 (hacer dano|romper)",
      [],
      ["intent", "hyper"],
    ],
  ],
  ["abuse", ["es.golpeando", 4, "me esta ~1 golpeando|pegando|ahorcando|amenazando", [], ["firm"]]],
  [
    "abuse",
    [
      "es.no_deja",
      1,
      "no me deja ~1 salir|ir|ver|trabajar|hablar / me quita ~1 el|mi ~1 telefono|celular|dinero",
      [],
    ],
  ],
  ["relapse", ["es.ganas_consumir", 1, "ganas ~2 de ~1 consumir|beber|tomar|drogarme|usar|fumar", []]],
  [
    "relapse",
    ["es.recai_despues", 1, "recai|consumi|tome|bebi ~4 despues de ~2 dias|meses|anos|semanas", []],
  ],
];
