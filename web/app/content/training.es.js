// Spanish labels of the training lab. The option values are the API's (createTrainer).

export const DATASETS = {
  circle: 'Círculo',
  xor: 'XOR (cuadrantes)',
  gauss: 'Dos gaussianas',
  spiral: 'Espiral',
  moons: 'Dos lunas',
};

export const FEATURES = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁·x₂',
  sinx1: 'sen x₁',
  sinx2: 'sen x₂',
};

export const OPTIMIZERS = {
  sgd: 'SGD',
  momentum: 'SGD con momento (0,9)',
  adam: 'Adam',
};

// TensorFlow Playground's choices, so its experiments carry over.
export const LEARNING_RATES = [
  '0.00001',
  '0.0001',
  '0.001',
  '0.003',
  '0.01',
  '0.03',
  '0.1',
  '0.3',
  '1',
  '3',
  '10',
];
export const L2_RATES = ['0', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1'];

// Epochs per frame.
export const SPEEDS = {
  1: 'Lenta (1 época)',
  2: 'Normal (2 épocas)',
  10: 'Rápida (10 épocas)',
  50: 'Muy rápida (50 épocas)',
};

export const STOPS = {
  no: 'Sin límite',
  100: 'Época 100',
  300: 'Época 300',
  1000: 'Época 1000',
  3000: 'Época 3000',
};

export const INIT_AUTO = 'Según la activación';

export const CURVES = {
  prueba: 'De prueba',
  entrenamiento: 'De entrenamiento',
};
