// The lesson's sections, in order, with the anchors teachers share. Read at build time to
// assemble the page, its table of contents and the previous/next links.
export const SECTIONS = [
  { anchor: 'introduccion', title: 'Funciones de activación', nav: 'Introducción' },
  { anchor: 'sigmoide', title: 'Sigmoide', fn: 'sigmoid' },
  { anchor: 'tanh', title: 'Tangente hiperbólica', nav: 'Tangente hiperbólica (tanh)', fn: 'tanh' },
  { anchor: 'relu', title: 'ReLU', fn: 'relu' },
  { anchor: 'elu', title: 'ELU', fn: 'elu' },
  { anchor: 'selu', title: 'SELU', fn: 'selu' },
  { anchor: 'softmax', title: 'Softmax', fn: 'softmax' },
  { anchor: 'softsign', title: 'Softsign', fn: 'softsign' },
  { anchor: 'softplus', title: 'Softplus', fn: 'softplus' },
  { anchor: 'exponencial', title: 'Exponencial', fn: 'exponential' },
  { anchor: 'comparacion', title: 'Comparación', nav: 'Comparación de funciones' },
  { anchor: 'otras-funciones', title: 'Otras funciones de activación', nav: 'Otras funciones' },
  { anchor: 'gradiente', title: 'El gradiente en una red profunda' },
  { anchor: 'autonormalizacion', title: 'SELU y la autonormalización' },
  { anchor: 'entrenamiento', title: 'Entrena una red', nav: 'Entrena una red' },
];
