// The gallery of activation functions beyond the lesson's nine (the lesson's own code tabs and
// framework notes are in lesson-code.es.js). Pure data: the page renders the TeX with KaTeX, plots
// each card with the core, and overlays `variants` and `conventions` under "Comparar bibliotecas".
//
// variants: the same registry function with other parameters (and, with `scale`, evaluated at
//   scale·z, derivative scale·f'(scale·z)), as another framework computes it.
// conventions: at z = `at`, that framework returns the `side` one-sided limit of f'; only listed
//   where it differs from the core's value (Keras on TensorFlow).

export const FAMILIES = {
  relu: 'Tipo ReLU',
  sigmoid: 'Tipo sigmoide',
  smooth: 'Suaves',
  sparse: 'Dispersas',
  shrink: 'De contracción',
};

export const GALLERY = [
  {
    id: 'gelu',
    name: 'GELU',
    families: ['relu', 'smooth'],
    z: [-4, 4],
    f: String.raw`\operatorname{GELU}(z) = z\,\Phi(z) = \frac{z}{2}\left(1 + \operatorname{erf}\frac{z}{\sqrt{2}}\right)`,
    df: String.raw`\begin{gathered} \operatorname{GELU}'(z) = \Phi(z) + z\,\varphi(z), \\ \varphi(z) = \tfrac{1}{\sqrt{2\pi}}\,e^{-z^{2}/2} \end{gathered}`,
    use: 'Es la activación habitual de las capas densas internas de los transformadores, como BERT y la familia GPT, y de los Vision Transformers. Pondera cada entrada por la probabilidad Φ(z) de que una normal estándar quede por debajo de ella.',
    differs:
      'Keras (keras.activations.gelu) y PyTorch (torch.nn.GELU) usan por defecto la forma exacta con erf; la aproximación con tanh, ½·z·(1 + tanh(√(2/π)·(z + 0,044715·z³))), se pide con approximate=True en Keras o approximate="tanh" en PyTorch. En TF.js, la activación "gelu" es la exacta y "gelu_new" la aproximada. JAX hace lo contrario: jax.nn.gelu usa la aproximación con tanh salvo que se le pase approximate=False.',
    variants: [
      {
        label: 'Aproximación tanh (approximate=True; por defecto en JAX)',
        short: 'Aproximación tanh',
        params: { approximate: true },
      },
    ],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="gelu")  # forma exacta (erf)
# Aproximación con tanh:
capa_tanh = keras.layers.Dense(64, activation=lambda x: keras.activations.gelu(x, approximate=True))`,
      pytorch: `import torch

act = torch.nn.GELU(approximate="none")  # exacta; approximate="tanh" para la aproximación
y = act(torch.linspace(-4, 4, 9))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// 'gelu' es la forma exacta; 'gelu_new', la aproximación con tanh
const capa = tf.layers.dense({ units: 64, activation: 'gelu' });`,
      numpy: `import numpy as np
from scipy.special import erfc

def gelu(z):
    # z·Φ(z) escrita con erfc: sin cancelación para z muy negativa
    return 0.5 * z * erfc(-z / np.sqrt(2))`,
    },
  },
  {
    id: 'silu',
    name: 'SiLU (Swish)',
    families: ['relu', 'smooth'],
    z: [-6, 6],
    f: String.raw`\operatorname{SiLU}(z) = z\,\sigma(z) = \frac{z}{1 + e^{-z}}`,
    df: String.raw`\operatorname{SiLU}'(z) = \sigma(z)\,\bigl(1 + z\,(1 - \sigma(z))\bigr)`,
    use: 'La usan redes convolucionales modernas como EfficientNet, y es la puerta de las capas SwiGLU de modelos de lenguaje como LLaMA. A diferencia de ReLU, no es monótona: tiene un mínimo poco profundo en z ≈ −1,28.',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="silu")  # también "swish"`,
      pytorch: `import torch

act = torch.nn.SiLU()
y = act(torch.linspace(-6, 6, 13))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// En TF.js esta activación se llama 'swish'
const capa = tf.layers.dense({ units: 64, activation: 'swish' });`,
      numpy: `import numpy as np
from scipy.special import expit

def silu(z):
    return z * expit(z)  # expit: sigmoide sin desbordamiento`,
    },
  },
  {
    id: 'mish',
    name: 'Mish',
    families: ['relu', 'smooth'],
    z: [-5, 5],
    f: String.raw`\begin{aligned} \operatorname{Mish}(z) &= z\,\tanh\bigl(\operatorname{softplus}(z)\bigr) \\ &= z\,\tanh\bigl(\ln(1 + e^{z})\bigr) \end{aligned}`,
    df: String.raw`\begin{aligned} \operatorname{Mish}'(z) &= \tanh\bigl(\operatorname{softplus}(z)\bigr) \\ &\quad + z\,\sigma(z)\,\operatorname{sech}^{2}\bigl(\operatorname{softplus}(z)\bigr) \end{aligned}`,
    use: 'Propuesta en 2019 como alternativa suave a ReLU; la usa la red troncal (CSPDarknet53) del detector de objetos YOLOv4. Se parece mucho a SiLU, pero es algo más costosa de calcular.',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="mish")`,
      pytorch: `import torch

act = torch.nn.Mish()
y = act(torch.linspace(-5, 5, 11))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

const capa = tf.layers.dense({ units: 64, activation: 'mish' });`,
      numpy: `import numpy as np

def mish(z):
    # softplus estable con logaddexp: log(e^0 + e^z)
    return z * np.tanh(np.logaddexp(0, z))`,
    },
  },
  {
    id: 'leaky_relu',
    name: 'Leaky ReLU',
    families: ['relu'],
    z: [-5, 5],
    f: String.raw`\operatorname{LeakyReLU}_s(z) = \begin{cases} z & \text{si } z \gt 0 \\ s\,z & \text{si } z \le 0 \end{cases}`,
    df: String.raw`\operatorname{LeakyReLU}_s'(z) = \begin{cases} 1 & \text{si } z \gt 0 \\ s & \text{si } z \le 0 \end{cases}`,
    use: 'Mantiene una pendiente pequeña s para z negativa, de modo que las neuronas no «mueren». Es típica de los discriminadores de las GAN (DCGAN usa s = 0,2) y de detectores como YOLOv3, con s = 0,1.',
    differs:
      'La pendiente por defecto depende de dónde se pida: 0,2 en keras.activations.leaky_relu y en el operador tf.leakyRelu de TF.js; 0,3 en la capa keras.layers.LeakyReLU y en tf.layers.leakyReLU; 0,01 en torch.nn.LeakyReLU y en jax.nn.leaky_relu. En z = 0, Keras sobre TensorFlow y PyTorch toman como derivada la pendiente s; JAX toma 1.',
    variants: [
      {
        label: 'PyTorch y JAX (pendiente 0,01)',
        short: 'PyTorch y JAX (0,01)',
        params: { negative_slope: 0.01 },
      },
      {
        label: 'Capa LeakyReLU de Keras y TF.js (0,3)',
        short: 'Capa de Keras y TF.js (0,3)',
        params: { negative_slope: 0.3 },
      },
    ],
    conventions: [{ label: 'JAX: 1', at: 0, side: 'right' }],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="leaky_relu")  # pendiente 0.2
# La capa LeakyReLU usa 0.3 si no se indica otra:
act = keras.layers.LeakyReLU(negative_slope=0.2)`,
      pytorch: `import torch

act = torch.nn.LeakyReLU(negative_slope=0.2)  # por defecto, 0.01
y = act(torch.linspace(-5, 5, 11))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

const y = tf.leakyRelu(tf.linspace(-5, 5, 11), 0.2);  // operador: 0.2 por defecto
const capa = tf.layers.leakyReLU({ alpha: 0.3 });  // capa: 0.3 por defecto`,
      numpy: `import numpy as np

def leaky_relu(z, pendiente=0.2):
    return np.where(z > 0, z, pendiente * z)`,
    },
  },
  {
    id: 'relu6',
    name: 'ReLU6',
    families: ['relu'],
    z: [-3, 9],
    f: String.raw`\operatorname{ReLU6}(z) = \min\bigl(\max(z, 0),\, 6\bigr)`,
    df: String.raw`\operatorname{ReLU6}'(z) = \begin{cases} 1 & \text{si } 0 \lt z \lt 6 \\ 0 & \text{si } z \le 0 \text{ o } z \ge 6 \end{cases}`,
    use: 'Acota la salida en 6 para que las activaciones se representen bien con aritmética de poca precisión; es la activación de MobileNetV2, una red convolucional diseñada para móviles.',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="relu6")`,
      pytorch: `import torch

act = torch.nn.ReLU6()
y = act(torch.linspace(-3, 9, 13))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

const capa = tf.layers.dense({ units: 64, activation: 'relu6' });
const y = tf.relu6(tf.linspace(-3, 9, 13));`,
      numpy: `import numpy as np

def relu6(z):
    return np.clip(z, 0.0, 6.0)`,
    },
  },
  {
    id: 'hard_sigmoid',
    name: 'Sigmoide dura (hard sigmoid)',
    en: 'hard sigmoid',
    families: ['sigmoid'],
    z: [-5, 5],
    f: String.raw`\begin{aligned} &\operatorname{HardSigmoid}(z) = \frac{\operatorname{ReLU6}(z + 3)}{6} \\ &\quad = \max\!\left(0, \min\!\left(1, \frac{z}{6} + \frac{1}{2}\right)\right) \end{aligned}`,
    df: String.raw`\operatorname{HardSigmoid}'(z) = \begin{cases} \frac{1}{6} & \text{si } {-3} \lt z \lt 3 \\ 0 & \text{si } \lvert z \rvert \ge 3 \end{cases}`,
    use: 'Aproximación lineal a trozos de la sigmoide, sin exponenciales. MobileNetV3 la usa como puerta en sus bloques de compresión y excitación (squeeze-and-excitation), pensados para móviles.',
    differs:
      'Keras 3, PyTorch (torch.nn.Hardsigmoid) y JAX usan ReLU6(z + 3)/6, con pendiente 1/6 entre −3 y 3. La activación "hardSigmoid" de TF.js conserva la forma de Keras 2, que recorta 0,2z + 0,5 a [0, 1]: es más empinada (pendiente 0,2) y se satura ya en z = ±2,5.',
    variants: [
      { label: 'TF.js y Keras 2: 0,2z + 0,5', short: 'TF.js y Keras 2', scale: 1.2, params: {} },
    ],
    conventions: [],
    code: {
      keras: `import keras

# Keras 3: relu6(z + 3) / 6
capa = keras.layers.Dense(64, activation="hard_sigmoid")`,
      pytorch: `import torch

act = torch.nn.Hardsigmoid()  # relu6(z + 3) / 6, como Keras 3
y = act(torch.linspace(-5, 5, 11))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// 'hardSigmoid' de TF.js es la forma de Keras 2: recorta 0.2z + 0.5 a [0, 1].
// La forma de Keras 3, con operadores básicos:
const hardSigmoid = (x) => tf.tidy(() => tf.div(tf.relu6(tf.add(x, 3)), 6));`,
      numpy: `import numpy as np

def hard_sigmoid(z):
    return np.clip(z / 6 + 0.5, 0.0, 1.0)`,
    },
  },
  {
    id: 'hard_silu',
    name: 'SiLU dura (hard SiLU)',
    en: 'hard SiLU',
    families: ['relu'],
    z: [-5, 5],
    f: String.raw`\begin{aligned} \operatorname{HardSiLU}(z) &= z\,\operatorname{HardSigmoid}(z) \\ &= \begin{cases} 0 & \text{si } z \le -3 \\ \frac{z\,(z + 3)}{6} & \text{si } {-3} \lt z \lt 3 \\ z & \text{si } z \ge 3 \end{cases} \end{aligned}`,
    df: String.raw`\operatorname{HardSiLU}'(z) = \begin{cases} 0 & \text{si } z \le -3 \\ \frac{2z + 3}{6} & \text{si } {-3} \lt z \lt 3 \\ 1 & \text{si } z \ge 3 \end{cases}`,
    use: 'Versión de SiLU hecha de tres tramos polinómicos (0, un tramo cuadrático y z) que introdujo MobileNetV3 con el nombre hard-swish: se parece a SiLU pero evita calcular exponenciales, lo que abarata la inferencia en móviles.',
    differs:
      'En z = −3 y z = 3, Keras sobre TensorFlow y JAX toman como derivada el valor de fuera del tramo central: 0 y 1. PyTorch (torch.nn.Hardswish) usa ahí la fórmula del tramo central, (2z + 3)/6, y devuelve −0,5 en z = −3 y 1,5 en z = 3.',
    variants: [],
    conventions: [
      { label: 'PyTorch: −0,5', at: -3, side: 'right' },
      { label: 'PyTorch: 1,5', at: 3, side: 'left' },
    ],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="hard_silu")  # también "hard_swish"`,
      pytorch: `import torch

act = torch.nn.Hardswish()
y = act(torch.linspace(-5, 5, 11))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no la incluye: z · relu6(z + 3) / 6
const hardSilu = (x) => tf.tidy(() => tf.mul(x, tf.div(tf.relu6(tf.add(x, 3)), 6)));`,
      numpy: `import numpy as np

def hard_silu(z):
    return z * np.clip(z / 6 + 0.5, 0.0, 1.0)`,
    },
  },
  {
    id: 'hard_tanh',
    name: 'Tanh dura (hard tanh)',
    en: 'hard tanh',
    families: ['sigmoid'],
    z: [-3, 3],
    f: String.raw`\operatorname{HardTanh}(z) = \max\bigl(-1, \min(1, z)\bigr)`,
    df: String.raw`\operatorname{HardTanh}'(z) = \begin{cases} 1 & \text{si } {-1} \le z \le 1 \\ 0 & \text{si } \lvert z \rvert \gt 1 \end{cases}`,
    use: 'Versión lineal a trozos de tanh. Se usó en redes antiguas de procesamiento del lenguaje (Collobert y Weston) y su derivada es el estimador de paso directo (straight-through) con que se entrenan muchas redes binarizadas.',
    differs:
      'En z = ±1, Keras sobre TensorFlow y JAX toman derivada 1: el gradiente de tf.clip_by_value deja pasar el valor en los extremos. PyTorch (torch.nn.Hardtanh) devuelve 0 en ambos puntos.',
    variants: [],
    conventions: [
      { label: 'PyTorch: 0', at: -1, side: 'left' },
      { label: 'PyTorch: 0', at: 1, side: 'right' },
    ],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="hard_tanh")`,
      pytorch: `import torch

act = torch.nn.Hardtanh(min_val=-1.0, max_val=1.0)
y = act(torch.linspace(-3, 3, 7))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no tiene esta activación: basta con recortar a [-1, 1]
const y = tf.clipByValue(tf.linspace(-3, 3, 7), -1, 1);`,
      numpy: `import numpy as np

def hard_tanh(z):
    return np.clip(z, -1.0, 1.0)`,
    },
  },
  {
    id: 'log_sigmoid',
    name: 'Log-sigmoide',
    families: ['sigmoid', 'smooth'],
    z: [-6, 6],
    f: String.raw`\ln \sigma(z) = -\operatorname{softplus}(-z) = -\ln\left(1 + e^{-z}\right)`,
    df: String.raw`\frac{d}{dz} \ln \sigma(z) = 1 - \sigma(z) = \sigma(-z)`,
    use: 'Aparece sobre todo dentro de funciones de pérdida, porque es el logaritmo de una probabilidad: por ejemplo, en la entropía cruzada binaria calculada a partir de logits o en el muestreo negativo de word2vec.',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(1, activation="log_sigmoid")`,
      pytorch: `import torch

act = torch.nn.LogSigmoid()
y = act(torch.linspace(-6, 6, 13))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

const y = tf.logSigmoid(tf.linspace(-6, 6, 13));`,
      numpy: `import numpy as np

def log_sigmoid(z):
    # log σ(z) = -log(1 + e^(-z)), estable con logaddexp
    return -np.logaddexp(0, -z)`,
    },
  },
  {
    id: 'celu',
    name: 'CELU',
    families: ['relu', 'smooth'],
    z: [-5, 5],
    f: String.raw`\operatorname{CELU}_\alpha(z) = \begin{cases} z & \text{si } z \gt 0 \\ \alpha\,\left(e^{z/\alpha} - 1\right) & \text{si } z \le 0 \end{cases}`,
    df: String.raw`\operatorname{CELU}_\alpha'(z) = \begin{cases} 1 & \text{si } z \gt 0 \\ e^{z/\alpha} & \text{si } z \le 0 \end{cases}`,
    use: 'Variante de ELU propuesta por Barron (2017) cuya derivada es continua en 0 para cualquier α, no solo para α = 1. Apenas aparece en arquitecturas conocidas; sirve para experimentar con la familia ELU.',
    differs:
      'En z = 0, Keras sobre TensorFlow da derivada 2, no 1: calcula celu como tf.maximum(x, 0) + α·expm1(tf.minimum(x, 0)/α), y en un empate el gradiente de tf.maximum y el de tf.minimum pasan los dos a x, así que se suman las pendientes de ambos tramos, 1 + 1. PyTorch (torch.nn.CELU) y JAX (jax.nn.celu) dan 1, el valor continuo que dibuja esta gráfica.',
    variants: [],
    conventions: [{ label: 'Keras sobre TensorFlow: 2', at: 0, value: 2 }],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="celu")  # alpha = 1.0
capa_a2 = keras.layers.Dense(64, activation=lambda x: keras.activations.celu(x, alpha=2.0))`,
      pytorch: `import torch

act = torch.nn.CELU(alpha=1.0)
y = act(torch.linspace(-5, 5, 11))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no la incluye: max(z, 0) + α·expm1(min(z, 0) / α)
const celu = (x, alpha = 1) =>
  tf.tidy(() => tf.add(tf.relu(x), tf.mul(alpha, tf.expm1(tf.div(tf.minimum(x, 0), alpha)))));`,
      numpy: `import numpy as np

def celu(z, alpha=1.0):
    return np.maximum(z, 0) + alpha * np.expm1(np.minimum(z, 0) / alpha)`,
    },
  },
  {
    id: 'squareplus',
    name: 'Squareplus',
    families: ['relu', 'smooth'],
    z: [-5, 5],
    f: String.raw`\operatorname{squareplus}_b(z) = \frac{z + \sqrt{z^{2} + b}}{2}`,
    df: String.raw`\operatorname{squareplus}_b'(z) = \frac{1}{2}\left(1 + \frac{z}{\sqrt{z^{2} + b}}\right)`,
    use: 'Propuesta por Barron (2021) como sustituta de softplus que solo necesita una raíz cuadrada en lugar de una exponencial y un logaritmo, por lo que es más barata de calcular. El parámetro b controla lo suave que es la curva cerca de 0.',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="squareplus")  # b = 4
capa_b1 = keras.layers.Dense(64, activation=lambda x: keras.activations.squareplus(x, b=1))`,
      pytorch: `import torch

# PyTorch no incluye squareplus: se escribe con operaciones de torch
def squareplus(z, b=4.0):
    return 0.5 * (z + torch.sqrt(z * z + b))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no la incluye
const squareplus = (x, b = 4) =>
  tf.tidy(() => tf.mul(0.5, tf.add(x, tf.sqrt(tf.add(tf.square(x), b)))));`,
      numpy: `import numpy as np

def squareplus(z, b=4.0):
    s = np.hypot(z, np.sqrt(b))  # √(z² + b) sin desbordamiento
    # Para z < 0, b / (s - z) evita restar dos números casi iguales
    return 0.5 * np.where(z >= 0, z + s, b / (s - z))`,
    },
  },
  {
    id: 'sparse_plus',
    name: 'Softplus dispersa (sparse plus)',
    en: 'sparse plus',
    families: ['relu', 'sparse'],
    z: [-3, 3],
    f: String.raw`\operatorname{SparsePlus}(z) = \begin{cases} 0 & \text{si } z \le -1 \\ \frac{(z + 1)^{2}}{4} & \text{si } {-1} \lt z \lt 1 \\ z & \text{si } z \ge 1 \end{cases}`,
    df: String.raw`\operatorname{SparsePlus}'(z) = \begin{cases} 0 & \text{si } z \le -1 \\ \frac{z + 1}{2} & \text{si } {-1} \lt z \lt 1 \\ 1 & \text{si } z \ge 1 \end{cases}`,
    use: 'Contrapartida dispersa de softplus: vale exactamente 0 para z ≤ −1 y z para z ≥ 1, con derivada continua. Es la integral de la sigmoide dispersa, igual que softplus lo es de la sigmoide; Keras y JAX la ofrecen junto a ella para obtener salidas no negativas con ceros exactos.',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="sparse_plus")`,
      pytorch: `import torch

# PyTorch no incluye sparse_plus: se escribe con operaciones de torch
def sparse_plus(z):
    return torch.where(z >= 1, z, torch.clamp(z + 1, 0, 2) ** 2 / 4)`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no la incluye
const sparsePlus = (x) =>
  tf.tidy(() => tf.where(tf.greaterEqual(x, 1), x, tf.div(tf.square(tf.clipByValue(tf.add(x, 1), 0, 2)), 4)));`,
      numpy: `import numpy as np

def sparse_plus(z):
    return np.where(z >= 1, z, np.clip(z + 1, 0, 2) ** 2 / 4)`,
    },
  },
  {
    id: 'sparse_sigmoid',
    name: 'Sigmoide dispersa (sparse sigmoid)',
    en: 'sparse sigmoid',
    families: ['sigmoid', 'sparse'],
    z: [-3, 3],
    f: String.raw`\operatorname{SparseSigmoid}(z) = \begin{cases} 0 & \text{si } z \le -1 \\ \frac{z + 1}{2} & \text{si } {-1} \lt z \lt 1 \\ 1 & \text{si } z \ge 1 \end{cases}`,
    df: String.raw`\operatorname{SparseSigmoid}'(z) = \begin{cases} \frac{1}{2} & \text{si } {-1} \lt z \lt 1 \\ 0 & \text{si } \lvert z \rvert \ge 1 \end{cases}`,
    use: 'Es a sparsemax lo que la sigmoide es a softmax: la primera componente de sparsemax([z, 0]). Da probabilidades exactamente 0 para z ≤ −1 y 1 para z ≥ 1; proviene del estudio de las pérdidas de Fenchel-Young para clasificación (Blondel, Martins y Niculae, 2019).',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(1, activation="sparse_sigmoid")`,
      pytorch: `import torch

# PyTorch no incluye sparse_sigmoid: se escribe con operaciones de torch
def sparse_sigmoid(z):
    return torch.clamp((z + 1) / 2, 0, 1)`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no la incluye
const sparseSigmoid = (x) => tf.tidy(() => tf.clipByValue(tf.div(tf.add(x, 1), 2), 0, 1));`,
      numpy: `import numpy as np

def sparse_sigmoid(z):
    return np.clip((z + 1) / 2, 0.0, 1.0)`,
    },
  },
  {
    id: 'soft_shrink',
    name: 'Contracción suave (soft shrink)',
    en: 'soft shrink',
    families: ['shrink', 'sparse'],
    z: [-3, 3],
    f: String.raw`\operatorname{SoftShrink}_\theta(z) = \begin{cases} z - \theta & \text{si } z \gt \theta \\ 0 & \text{si } \lvert z \rvert \le \theta \\ z + \theta & \text{si } z \lt -\theta \end{cases}`,
    df: String.raw`\operatorname{SoftShrink}_\theta'(z) = \begin{cases} 1 & \text{si } \lvert z \rvert \gt \theta \\ 0 & \text{si } \lvert z \rvert \le \theta \end{cases}`,
    use: 'Es el operador de umbral suave de la regularización L1: aparece en algoritmos de codificación dispersa como ISTA y su versión aprendida LISTA, y en la eliminación de ruido con ondículas (wavelets).',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="soft_shrink")  # umbral 0.5
capa_1 = keras.layers.Dense(64, activation=lambda x: keras.activations.soft_shrink(x, threshold=1.0))`,
      pytorch: `import torch

act = torch.nn.Softshrink(lambd=0.5)  # lambd es el umbral
y = act(torch.linspace(-3, 3, 13))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no la incluye: signo(z) · max(|z| - umbral, 0)
const softShrink = (x, umbral = 0.5) =>
  tf.tidy(() => tf.mul(tf.sign(x), tf.relu(tf.sub(tf.abs(x), umbral))));`,
      numpy: `import numpy as np

def soft_shrink(z, umbral=0.5):
    return np.sign(z) * np.maximum(np.abs(z) - umbral, 0.0)`,
    },
  },
  {
    id: 'hard_shrink',
    name: 'Contracción dura (hard shrink)',
    en: 'hard shrink',
    families: ['shrink', 'sparse'],
    z: [-3, 3],
    f: String.raw`\operatorname{HardShrink}_\theta(z) = \begin{cases} z & \text{si } \lvert z \rvert \gt \theta \\ 0 & \text{si } \lvert z \rvert \le \theta \end{cases}`,
    df: String.raw`\operatorname{HardShrink}_\theta'(z) = \begin{cases} 1 & \text{si } \lvert z \rvert \gt \theta \\ 0 & \text{si } \lvert z \rvert \le \theta \end{cases}`,
    use: 'Umbral duro: conserva los valores grandes sin cambiarlos y anula los pequeños. Se usa en la eliminación de ruido con ondículas y en la codificación dispersa con penalización L0, como el algoritmo de umbral duro iterativo.',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="hard_shrink")  # umbral 0.5
capa_1 = keras.layers.Dense(64, activation=lambda x: keras.activations.hard_shrink(x, threshold=1.0))`,
      pytorch: `import torch

act = torch.nn.Hardshrink(lambd=0.5)  # lambd es el umbral
y = act(torch.linspace(-3, 3, 13))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no la incluye
const hardShrink = (x, umbral = 0.5) =>
  tf.tidy(() => tf.where(tf.greater(tf.abs(x), umbral), x, tf.zerosLike(x)));`,
      numpy: `import numpy as np

def hard_shrink(z, umbral=0.5):
    return np.where(np.abs(z) > umbral, z, 0.0)`,
    },
  },
  {
    id: 'tanh_shrink',
    name: 'Contracción tanh (tanh shrink)',
    en: 'tanh shrink',
    families: ['shrink', 'smooth'],
    z: [-4, 4],
    f: String.raw`\operatorname{TanhShrink}(z) = z - \tanh z`,
    df: String.raw`\operatorname{TanhShrink}'(z) = \tanh^{2} z`,
    use: 'Versión suave de la contracción: crece como z³/3 cerca de 0 y se acerca a z − 1 para z grande y a z + 1 para z muy negativa. Keras y PyTorch la incluyen, pero apenas aparece en arquitecturas conocidas; sirve sobre todo para experimentar.',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

capa = keras.layers.Dense(64, activation="tanh_shrink")`,
      pytorch: `import torch

act = torch.nn.Tanhshrink()
y = act(torch.linspace(-4, 4, 9))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

// TF.js no la incluye
const tanhShrink = (x) => tf.tidy(() => tf.sub(x, tf.tanh(x)));`,
      numpy: `import numpy as np

def tanh_shrink(z):
    return z - np.tanh(z)`,
    },
  },
  {
    id: 'threshold',
    name: 'Umbral (threshold)',
    en: 'threshold',
    families: ['relu'],
    z: [-3, 3],
    f: String.raw`\operatorname{threshold}_{\theta, v}(z) = \begin{cases} z & \text{si } z \gt \theta \\ v & \text{si } z \le \theta \end{cases}`,
    df: String.raw`\operatorname{threshold}_{\theta, v}'(z) = \begin{cases} 1 & \text{si } z \gt \theta \\ 0 & \text{si } z \le \theta \end{cases}`,
    use: 'Generaliza ReLU: deja pasar z solo por encima del umbral θ y pone el valor fijo v en el resto; con θ = 0 y v = 0 es ReLU. El caso v = 0 es la ReLU con umbral (thresholded ReLU) de los autocodificadores de Konda, Memisevic y Krueger (2015).',
    differs:
      'keras.activations.threshold exige los dos argumentos, threshold y default_value, sin valores por defecto, y torch.nn.Threshold(threshold, value) también; la lección empieza con θ = 0 y v = 0. TF.js solo trae el caso v = 0, la capa tf.layers.thresholdedReLU, cuyo umbral theta vale 1 por defecto.',
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

# Sin valores por defecto: hay que dar threshold y default_value
act = lambda x: keras.activations.threshold(x, threshold=0.5, default_value=0.0)
capa = keras.layers.Dense(64, activation=act)`,
      pytorch: `import torch

act = torch.nn.Threshold(threshold=0.5, value=0.0)  # z si z > 0.5; si no, 0
y = act(torch.linspace(-3, 3, 13))`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

const umbral = 0.5, valor = 0;
const threshold = (x) => tf.tidy(() => tf.where(tf.greater(x, umbral), x, tf.fill(x.shape, valor)));
// Con valor 0 existe la capa tf.layers.thresholdedReLU({ theta: umbral })`,
      numpy: `import numpy as np

def threshold(z, umbral=0.5, valor=0.0):
    return np.where(z > umbral, z, valor)`,
    },
  },
  {
    id: 'linear',
    name: 'Lineal (identidad)',
    families: ['smooth'],
    z: [-5, 5],
    f: String.raw`\operatorname{linear}(z) = z`,
    df: String.raw`\operatorname{linear}'(z) = 1`,
    use: 'No añade ninguna no linealidad: una red con solo capas lineales equivale a una única capa lineal. Se usa en la capa de salida de los modelos de regresión y es lo que aplica Keras cuando una capa no tiene activación (activation=None).',
    differs: null,
    variants: [],
    conventions: [],
    code: {
      keras: `import keras

# Regresión: salida sin acotar, igual que activation=None
salida = keras.layers.Dense(1, activation="linear")`,
      pytorch: `import torch

act = torch.nn.Identity()  # o, simplemente, no poner activación
salida = torch.nn.Sequential(torch.nn.Linear(64, 1), act)`,
      tfjs: `import * as tf from '@tensorflow/tfjs';

const salida = tf.layers.dense({ units: 1, activation: 'linear' });`,
      numpy: `import numpy as np

def linear(z):
    return np.asarray(z)`,
    },
  },
];
