// Spanish names and short texts for each registry id. Numbers (defaults, ranges, constants)
// are not repeated here: they come from the core's registry through list().

export const FUNCTION_TEXT = {
  sigmoid: {
    name: 'Sigmoide',
    hint: 'Curva en S con salida entre 0 y 1; se satura en los extremos.',
  },
  tanh: {
    name: 'Tangente hiperbólica',
    hint: 'Curva en S con salida entre −1 y 1, centrada en 0.',
  },
  relu: {
    name: 'ReLU',
    hint: 'Cero para z negativa, la identidad para z positiva.',
  },
  elu: {
    name: 'ELU',
    hint: 'Como ReLU para z positiva; para z negativa, una exponencial que se satura en −α.',
  },
  selu: {
    name: 'SELU',
    hint: 'ELU escalada con constantes fijas α y λ, pensada para redes densas autonormalizadas.',
  },
  softmax: {
    name: 'Softmax',
    hint: 'Convierte un vector de puntuaciones en probabilidades que suman 1.',
  },
  softsign: {
    name: 'Softsign',
    hint: 'Salida entre −1 y 1, como tanh, pero se acerca a sus asíntotas más despacio.',
  },
  softplus: {
    name: 'Softplus',
    hint: 'Una versión suave y derivable de ReLU; su derivada es la sigmoide.',
  },
  exponential: {
    name: 'Exponencial',
    hint: 'e elevado a z; es su propia derivada.',
  },
};

export const PARAM_TEXT = {
  alpha: { label: 'α (alpha)', symbol: 'α' },
  temperature: { label: 'Temperatura', symbol: 'T' },
};

export const CONSTANT_TEXT = {
  alpha: 'α',
  scale: 'λ (scale)',
};

// Where the lesson starts differs from Keras's default: the course plots ELU with α = 1.5.
export const LESSON_START = {
  elu: { alpha: 1.5 },
};

export function functionName(id) {
  return FUNCTION_TEXT[id]?.name ?? id;
}
