/**
 * The tricky part of the generated mention corpus (./mention-corpus.ts): what a model-name
 * matcher gets wrong. Case and separator variants, the aliases, names glued to letters, digits
 * or underscores, overlapping names, ordinary words that are also names, URLs, code blocks,
 * non-ASCII neighbours (é, ſ, ı, Kelvin K, fullwidth, emoji, combining marks, NBSP, zero-width
 * joiner) and sentences longer than the 160 characters a quoted sentence keeps.
 */
const ALIAS_LIKE = (
  'llama2|llama-2|LLaMA 2|llama_3.1|Llama-1.5|llama 4|llama-2.x|gpt-j|GPT J|gptj|gpt neo|gptneo|' +
  'GPT-NeoX|gpt neo x|gpt-neox-20b|xlm-r|XLMR|xlm r|xlm roberta|XLM-RoBERTa-XL|' +
  'xlm-roberta-xl-roberta|transformer-xl|TransformerXL|transformer xl|wav2vec 2.0|wav2vec2.0|' +
  'Wav2Vec-2.0|wav2vec 2|wav2vec 2.1|speech2text|Speech2Text2|m2m100|M2M-100|m2m 100|openai-gpt|' +
  'OpenAI GPT|openaigpt|bigbird|Big Bird|BigBird-Pegasus|decision transformer|' +
  'Decision-Transformer|blip-2|BLIP2|blip 2|gpt-2|GPT2LMHeadModel|TFGPT2Model|gpt2-xl|gpt-3|' +
  'GPT-3.5|gpt4|mT5|LongT5|t5-v1_1|flan-t5|ViT-B/16|vit_mae|DeBERTa-v3|deberta-v2-xlarge|Roberta|' +
  'robertas|albertina|bertology|distilroberta|DistilBERT|camemBERT|bert-base-uncased|' +
  'google-bert/bert-base-uncased|roberta-prelayernorm|swinv2|Swin2SR|convnextv2|convnext-v2|' +
  'mobilenet_v1|MobileNetV2|sew-d|SEW_D|unispeech-sat|data2vec-audio|data2vec|wav2vec2-conformer'
).split('|');
const ORDINARY = (
  'opt|optimal|Opt in|clip|clipping|CLIP|Sam|sample|bloom|Bloomberg|git|GitHub|git clone|LED|led|' +
  'van|Van Gogh|bit|8-bit|a bit|align|aligned|mega|megabytes|nat|NAT|sew|Luke|Marian|canine|' +
  'funnel|ctrl|Ctrl+C|splinter|informer|perceiver|clap|yoso|deta|MVP|donut|lilt|esm|dpr|Git-LFS|' +
  'van-der-waals'
).split('|');
const LEFT = [
  '',
  '',
  '',
  ' ',
  '(',
  '"',
  "'",
  '`',
  '**',
  '_',
  '/',
  '-',
  '.',
  '#',
  '@',
  'é',
  'ſ',
  'ı',
  '\u212a',
  '🤗',
  '\u00a0',
  '\u200d',
  '\n',
  '\t',
  'x',
  '9',
  'Ｂ',
];
const RIGHT = [
  '',
  '',
  '',
  ' ',
  ')',
  '"',
  "'s",
  '`',
  '**',
  '_',
  '/',
  '-',
  '.',
  ',',
  '!',
  '?',
  ':',
  'é',
  '\u0301',
  '🤗',
  '\u00a0',
  '\u200d',
  '\r\n',
  'x',
  '2',
  '.0',
  '-base',
  '_large',
  'v2',
  '-7b',
  'ForCausalLM',
  '…',
];
const SEPARATORS = ['-', '_', ' ', '', '.', '--', '/'];

/** A spelling someone might type for `type`, right or wrong. */
export function variant(type: string, rnd: () => number): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  let s = type;
  if (rnd() < 0.3) s = s.replace(/[-_]/g, () => pick(SEPARATORS));
  if (rnd() < 0.2) s = s.replace(/([a-z])(\d)/g, (_, a, d) => `${a}${pick(SEPARATORS)}${d}`);
  const c = rnd();
  if (c < 0.2) s = s.toUpperCase();
  else if (c < 0.35) s = s[0]!.toUpperCase() + s.slice(1);
  else if (c < 0.5) s = [...s].map((ch) => (rnd() < 0.5 ? ch.toUpperCase() : ch)).join('');
  return `${pick(LEFT)}${s}${pick(RIGHT)}`;
}

export function trickyBit(types: readonly string[], rnd: () => number): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const r = rnd();
  const name = () => (rnd() < 0.3 ? pick(ALIAS_LIKE) : pick(types));
  if (r < 0.35) return variant(name(), rnd);
  if (r < 0.5) return pick(ORDINARY);
  if (r < 0.6) return `${variant(name(), rnd)}${pick(SEPARATORS)}${variant(name(), rnd)}`;
  if (r < 0.7)
    return `https://huggingface.co/${pick(['facebook', 'google', 'meta-llama', 'openai'])}/${variant(name(), rnd).trim()}`;
  if (r < 0.8)
    return `\n\`\`\`python\nfrom transformers import AutoModel\nmodel = AutoModel.from_pretrained("${name()}")\n\`\`\`\n`;
  if (r < 0.9) return `${'very '.repeat(40)}long sentence about ${variant(name(), rnd)} ${'and more '.repeat(30)}`;
  return pick(['', '...', '?!', '\n\n', ' . ', 'e.g.', 'i.e.', '1.5', 'v2.0', '’', '“', '—', 'ｂｅｒｔ', 'ВЕRТ']);
}
