// The code tabs (Keras, PyTorch, TF.js, NumPy) and the framework notes of the lesson's own
// sections, in the gallery's shape (gallery.es.js): `differs`, `variants` and `conventions` as
// there.

export const LESSON_CODE = {
  sigmoid: {
    keras: `import keras

# Clasificación binaria: una neurona de salida con sigmoide
salida = keras.layers.Dense(1, activation="sigmoid")`,
    pytorch: `import torch

# Clasificación binaria: una neurona de salida con sigmoide
salida = torch.nn.Sequential(torch.nn.Linear(64, 1), torch.nn.Sigmoid())`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

// Clasificación binaria: una neurona de salida con sigmoide
const salida = tf.layers.dense({ units: 1, activation: 'sigmoid' });`,
    numpy: `import numpy as np
from scipy.special import expit

def sigmoide(z):
    # expit no desborda: en 1 / (1 + np.exp(-z)), np.exp desborda (y avisa) para z < -709.78
    return expit(z)`,
  },
  tanh: {
    keras: `import keras

oculta = keras.layers.Dense(64, activation="tanh")`,
    pytorch: `import torch

oculta = torch.nn.Sequential(torch.nn.Linear(32, 64), torch.nn.Tanh())`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

const oculta = tf.layers.dense({ units: 64, activation: 'tanh' });`,
    numpy: `import numpy as np

def tanh(z):
    # np.tanh es estable; la fórmula con exponenciales da NaN para |z| > 709.78
    return np.tanh(z)`,
  },
  relu: {
    keras: `import keras

oculta = keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal")`,
    pytorch: `import torch

oculta = torch.nn.Sequential(torch.nn.Linear(32, 64), torch.nn.ReLU())`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

const oculta = tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: 'heNormal' });`,
    numpy: `import numpy as np

def relu(z):
    return np.maximum(z, 0)`,
  },
  elu: {
    keras: `import keras

oculta = keras.layers.Dense(64, activation="elu")  # alpha = 1.0
# Con otro alpha, la capa ELU:
act = keras.layers.ELU(alpha=1.5)`,
    pytorch: `import torch

act = torch.nn.ELU(alpha=1.5)  # por defecto, alpha = 1.0
y = act(torch.linspace(-5, 5, 11))`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

// En TF.js, ELU solo admite alpha = 1 (operador, activación y capa)
const oculta = tf.layers.dense({ units: 64, activation: 'elu' });`,
    numpy: `import numpy as np

def elu(z, alpha=1.0):
    # expm1 es precisa cerca de 0; min(z, 0) evita desbordar e^z
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))`,
  },
  selu: {
    keras: `import keras

oculta = keras.layers.Dense(64, activation="selu", kernel_initializer="lecun_normal")`,
    pytorch: `import torch

capa = torch.nn.Linear(32, 64)
# LeCun normal: kaiming_normal_ con nonlinearity="linear" (no "selu")
torch.nn.init.kaiming_normal_(capa.weight, nonlinearity="linear")
oculta = torch.nn.Sequential(capa, torch.nn.SELU())`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

const oculta = tf.layers.dense({ units: 64, activation: 'selu', kernelInitializer: 'leCunNormal' });`,
    numpy: `import numpy as np

ALFA, LAMBDA = 1.6732632423543772, 1.0507009873554805

def selu(z):
    return LAMBDA * np.where(z > 0, z, ALFA * np.expm1(np.minimum(z, 0)))`,
  },
  softmax: {
    keras: `import keras

# Diez clases excluyentes
salida = keras.layers.Dense(10, activation="softmax")`,
    pytorch: `import torch

# Diez clases excluyentes; con CrossEntropyLoss se omite: recibe logits
salida = torch.nn.Sequential(torch.nn.Linear(64, 10), torch.nn.Softmax(dim=-1))`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

const salida = tf.layers.dense({ units: 10, activation: 'softmax' });
const p = tf.softmax(tf.tensor1d([2.0, 1.0, 0.1]));`,
    numpy: `import numpy as np

def softmax(z, axis=-1):
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))  # restar el máximo evita desbordar
    return e / np.sum(e, axis=axis, keepdims=True)`,
  },
  softsign: {
    keras: `import keras

oculta = keras.layers.Dense(64, activation="softsign")`,
    pytorch: `import torch

oculta = torch.nn.Sequential(torch.nn.Linear(32, 64), torch.nn.Softsign())`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

const oculta = tf.layers.dense({ units: 64, activation: 'softsign' });`,
    numpy: `import numpy as np

def softsign(z):
    return z / (1 + np.abs(z))`,
  },
  softplus: {
    keras: `import keras

# Una salida positiva, por ejemplo una desviación típica
escala = keras.layers.Dense(1, activation="softplus")`,
    pytorch: `import torch

# Para beta·z > threshold (20) devuelve z directamente
act = torch.nn.Softplus(beta=1.0, threshold=20.0)
y = act(torch.linspace(-5, 5, 11))`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

const escala = tf.layers.dense({ units: 1, activation: 'softplus' });
const y = tf.softplus(tf.linspace(-5, 5, 11));`,
    numpy: `import numpy as np

def softplus(z):
    # log(1 + e^z) sin desbordamiento (np.log(np.exp(z) + 1) da inf para z > 709.78)
    return np.logaddexp(0, z)`,
  },
  exponential: {
    keras: `import keras

# Una tasa positiva, por ejemplo en una regresión de Poisson
tasa = keras.layers.Dense(1, activation="exponential")`,
    pytorch: `import torch

# PyTorch no tiene un módulo para la exponencial: se usa torch.exp
capa = torch.nn.Linear(64, 1)
tasa = lambda x: torch.exp(capa(x))`,
    tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no tiene la activación 'exponential': se aplica tf.exp
const y = tf.exp(tf.linspace(-3, 3, 7));`,
    numpy: `import numpy as np

def exponencial(z):
    return np.exp(z)  # desborda a inf para z > 709.78, como la propia función`,
  },
};

export const LESSON_FRAMEWORKS = {
  elu: {
    differs:
      'Keras usa α = 1 por defecto y admite otros valores (keras.activations.elu(x, alpha=...) o la capa keras.layers.ELU); PyTorch también (torch.nn.ELU(alpha=...)). En TF.js, en cambio, el operador tf.elu no tiene parámetro α, la activación "elu" usa siempre α = 1 y la capa tf.layers.elu lanza un error si se le pide otro valor.',
    variants: [{ label: 'TF.js (solo α = 1)', params: { alpha: 1 } }],
    conventions: [],
  },
  selu: {
    differs:
      'En z = 0 la SELU no es derivable: por la izquierda la pendiente es λα ≈ 1,7581 y por la derecha λ ≈ 1,0507. Keras sobre TensorFlow devuelve λ, el valor de la derecha; PyTorch y JAX devuelven λα, el de la izquierda. Fuera de ese punto coinciden.',
    variants: [],
    conventions: [{ label: 'PyTorch y JAX: λα', at: 0, side: 'left' }],
  },
};
