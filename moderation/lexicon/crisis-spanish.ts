/**
 * Spanish basics across categories. Accents are folded away before matching, so write them
 * without accents ("me tome" matches "me tomé").
 */
import type { CrisisCategory } from "../types.ts";
import type { SignalRow } from "./crisis-types.ts";

export const SPANISH: readonly (readonly [CrisisCategory, SignalRow])[] = [
  ["self_harm", ["es.vacia", 1, "me siento ~1 vacia|vacio|sola|solo|perdida|perdido", ["me siento vacia"]]],
  [
    "self_harm",
    [
      "es.nada_importa",
      1,
      "nada me importa / no me importa nada",
      ["ya nada me importa", "no me importa nada"],
    ],
  ],
  ["self_harm", ["es.no_aguanto", 1, "no aguanto ~1 mas", ["no aguanto mas"]]],
  [
    "self_harm",
    [
      "es.quiero_morir",
      2,
      "quiero morir|morirme|matarme|desaparecer|suicidarme / me quiero morir|matar|suicidar",
      ["quiero morirme", "me quiero morir"],
    ],
  ],
  [
    "self_harm",
    ["es.ganas_morir", 2, "ganas de morir|morirme|matarme|desaparecer|suicidarme", ["tengo ganas de morir"]],
  ],
  [
    "self_harm",
    ["es.quitar_vida", 2, "quitarme|quitar ~1 la vida", ["pienso en quitarme la vida"], ["intent"]],
  ],
  [
    "self_harm",
    [
      "es.no_despertar",
      2,
      "mejor no despertar|despertarme|existir|estar / no despertar|despertarme nunca|mas",
      ["seria mejor no despertar", "ojala no despertar nunca"],
    ],
  ],
  [
    "self_harm",
    [
      "es.mejor_sin_mi",
      2,
      "mejor sin mi / mejor si yo no ~1 estuviera|existiera",
      ["estarian mejor sin mi", "mejor si yo no existiera"],
    ],
  ],
  ["self_harm", ["es.no_quiero_vivir", 2, "no quiero ~1 vivir|seguir|despertar", ["no quiero vivir"]]],
  ["self_harm", ["es.suicidarme", 2, "suicidarme|suicidio|suicida", ["pienso en suicidarme"]]],
  [
    "self_harm",
    [
      "es.pastillas_guardadas",
      3,
      "tengo|guardado|guardando ~2 pastillas|medicinas ~1 guardadas",
      ["tengo pastillas guardadas"],
    ],
  ],
  ["self_harm", ["es.esperando", 3, "esperando el momento", ["solo estoy esperando el momento"]]],
  ["self_harm", ["es.me_voy_a_matar", 3, "me voy a matar|suicidar", ["me voy a matar"], ["intent"]]],
  [
    "self_harm",
    [
      "es.tome_todas",
      4,
      "tome ~1 todas|todo ~2 pastillas|frasco|bote",
      ["me tome todas las pastillas"],
      ["firm"],
    ],
  ],
  ["self_harm", ["es.despedida", 4, "perdon|adios a todos", ["adios a todos"]]],
  ["overdose", ["es.no_respira", 4, "no respira|despierta|reacciona", ["no respira"], ["firm", "third"]]],
  ["overdose", ["es.sobredosis", 4, "sobredosis", ["creo que es una sobredosis"], ["firm", "third"]]],
  ["harm_others", ["es.matar", 2, "voy a matar ~1 a", ["voy a matar a ese tipo"], ["intent", "hyper"]]],
  ["harm_others", ["es.donde_trabaja", 3, "se donde trabaja|vive", ["se donde trabaja"]]],
  ["abuse", ["es.grita", 1, "me grita|empuja|insulta|controla", ["mi esposo me grita"]]],
  [
    "abuse",
    [
      "es.pega",
      2,
      "me pega|golpea|ahorca|empujo|pego|golpeo|encierra|encerro / miedo de volver a casa",
      ["mi novio me pega", "tengo miedo de volver a casa"],
    ],
  ],
  [
    "abuse",
    [
      "es.amenaza",
      3,
      "me va a matar / me amenazo|amenaza con matarme / dijo que me mataria",
      ["me va a matar", "me amenazo con matarme", "dijo que me mataria"],
    ],
  ],
  ["abuse", ["es.miedo", 1, "me da miedo", ["me da miedo"]]],
  ["relapse", ["es.recai", 1, "recai|recaida|relapse", ["recai anoche"]]],
  [
    "relapse",
    [
      "es.volvi",
      1,
      "volvi a tomar|beber|consumir|usar|drogarme|fumar / recaer|recaido",
      ["volvi a tomar", "creo que voy a recaer"],
    ],
  ],
  // passive and active ideation as people write it
  [
    "self_harm",
    [
      "es.ojala",
      2,
      "ojala ~2 (no despertar|no despertara|no despierte|no despertarme|me muriera|me muera|desapareciera|no estuviera)",
      [
        "ojala no despertar",
        "ojala no despertara",
        "ojala no despierte",
        "ojala no despertarme",
        "ojala me muriera",
        "ojala me muera",
        "ojala desapareciera",
        "ojala no estuviera",
      ],
    ],
  ],
  [
    "self_harm",
    [
      "es.no_estar",
      2,
      "seria|es ~2 mas ~1 facil ~1 (no estar|morir|desaparecer) / si me muriera|muero ~4 alivio|mejor",
      [
        "seria mas facil no estar",
        "es mas facil morir",
        "seria mas facil desaparecer",
        "si me muriera seria un alivio",
      ],
    ],
  ],
  [
    "self_harm",
    [
      "es.no_seguir",
      2,
      "ya no quiero ~1 seguir|estar|vivir|existir / no quiero seguir viviendo",
      ["ya no quiero seguir", "no quiero seguir viviendo"],
    ],
  ],
  [
    "self_harm",
    [
      "es.terminar",
      2,
      "terminar|acabar con (todo|mi vida) / pensando en terminar|acabar",
      ["quiero terminar con todo", "acabar con mi vida", "pensando en terminar"],
    ],
  ],
  [
    "self_harm",
    [
      "es.no_puedo",
      1,
      "ya no puedo mas / no puedo mas / me ahogo / estoy agotada|agotado de todo",
      ["ya no puedo mas", "no puedo mas", "me ahogo", "estoy agotada de todo"],
    ],
  ],
  // self-injury
  [
    "self_harm",
    [
      "es.corte",
      2,
      "me corte|cortaba|queme|pegue|golpee|lastime ~3 (otra vez|de nuevo|anoche|hoy|hasta|brazo|brazos|piernas|munecas|sentir) / me volvi a cortar|lastimar / volvi a cortarme",
      [
        "me corte otra vez",
        "me corte de nuevo",
        "me queme anoche",
        "me lastime hoy",
        "me golpee hasta sangrar",
        "me corte el brazo",
        "me corte los brazos",
        "me corte las piernas",
        "me corte las munecas",
        "me corte para sentir",
        "me volvi a cortar",
        "volvi a cortarme",
      ],
    ],
  ],
  [
    "self_harm",
    [
      "es.cortes_sangre",
      4,
      "cortes|corte ~4 (no paran|mucha sangre|hondo|profundo) / no para|paran de sangrar / mucha sangre",
      [
        "los cortes no paran",
        "el corte tiene mucha sangre",
        "me hice un corte hondo",
        "es un corte profundo",
        "no para de sangrar",
        "hay mucha sangre",
      ],
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
      ["escribi una carta de despedida", "escribi unas cartas para mi familia"],
    ],
  ],
  [
    "self_harm",
    [
      "es.regale",
      3,
      "regale|regalando ~2 mis ~1 cosas|ropa / no las|lo|los voy a necesitar / ya no ~1 voy a necesitar",
      ["regale mis cosas", "ya no los voy a necesitar", "ya no voy a necesitar nada"],
    ],
  ],
  [
    "self_harm",
    [
      "es.testamento",
      3,
      "testamento / deje todo a / le deje todo",
      ["hice mi testamento", "deje todo a mi hermana", "le deje todo a mi hijo"],
    ],
  ],
  [
    "self_harm",
    [
      "es.ya_decidi",
      3,
      "ya ~1 lo ~1 decidi|escogi|elegi ~2 el dia / ya escogi|elegi|decidi (el dia|la fecha)",
      ["ya lo decidi el dia", "ya escogi el dia", "ya elegi la fecha"],
    ],
  ],
  [
    "self_harm",
    [
      "es.tengo_medio",
      3,
      "tengo|compre|guardo ~2 una|la ~1 soga|cuerda|pistola|arma|navaja",
      ["tengo una soga"],
    ],
  ],
  [
    "self_harm",
    [
      "es.tirarme",
      3,
      "(voy a|quiero) ~1 tirarme|aventarme|lanzarme|saltar",
      ["voy a tirarme del puente", "quiero saltar"],
      ["intent"],
    ],
  ],
  [
    "self_harm",
    [
      "es.en_lugar",
      4,
      "estoy en ~1 la|el ~1 azotea|puente|techo|vias|orilla|bano|borde ~6 saltar|navaja|cortes|pastillas|soga|tirarme / estoy en ~1 el|la ~1 puente|azotea|vias",
      ["estoy en la azotea voy a saltar", "estoy en el puente"],
      ["firm"],
    ],
  ],
  [
    "self_harm",
    [
      "es.me_tome",
      4,
      "me tome ~2 (todas|todo|las pastillas|el frasco|la caja)",
      ["me tome todas", "me tome todo", "me tome las pastillas", "me tome el frasco", "me tome la caja"],
      ["firm"],
    ],
  ],
  // others, abuse and relapse
  [
    "harm_others",
    [
      "es.lo_mato",
      2,
      "lo|la|los ~1 (mato|voy a matar|matare) / le voy a ~1 (hacer dano|romper)",
      ["lo mato", "la voy a matar", "lo matare", "le voy a hacer dano", "le voy a romper la cara"],
      ["intent", "hyper"],
    ],
  ],
  [
    "abuse",
    ["es.golpeando", 4, "me esta ~1 golpeando|pegando|ahorcando|amenazando", ["me esta golpeando"], ["firm"]],
  ],
  [
    "abuse",
    [
      "es.no_deja",
      1,
      "no me deja ~1 salir|ir|ver|trabajar|hablar / me quita ~1 el|mi ~1 telefono|celular|dinero",
      ["no me deja salir", "me quita el telefono"],
    ],
  ],
  [
    "relapse",
    [
      "es.ganas_consumir",
      1,
      "ganas ~2 de ~1 consumir|beber|tomar|drogarme|usar|fumar",
      ["tengo ganas de consumir"],
    ],
  ],
  [
    "relapse",
    [
      "es.recai_despues",
      1,
      "recai|consumi|tome|bebi ~4 despues de ~2 dias|meses|anos|semanas",
      ["recai despues de dos anos"],
    ],
  ],
];
