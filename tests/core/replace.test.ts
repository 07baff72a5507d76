import { describe, expect, it } from 'vitest';
import { alternativeShape, planReplacement } from '../../src/core/replace.js';

/** The draft after one click: `under` marks the underline (its first occurrence in `text`). */
function click(text: string, under: string, alternative: string): string {
  const start = text.indexOf(under);
  const e = planReplacement(text, { start, end: start + under.length }, alternative);
  expect(text.slice(e.start, e.end)).toBe(e.original);
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

describe('alternativeShape', () => {
  it('tells sentences, lead-ins and phrases apart', () => {
    expect(alternativeShape("I'm sorry; let me sort this.")).toBe('sentence');
    expect(alternativeShape("here's what I can do:")).toBe('sentence');
    expect(alternativeShape('Давайте разберёмся вместе')).toBe('sentence');
    expect(alternativeShape('To recap,')).toBe('lead-in');
    expect(alternativeShape("I'm sorry —")).toBe('lead-in');
    expect(alternativeShape('a short delay')).toBe('phrase');
    expect(alternativeShape("I'll check")).toBe('phrase');
  });
});

describe('planReplacement', () => {
  it('replaces only the underline with a phrase, in the case of its place', () => {
    expect(click('Sorry, there is a huge delay today.', 'a huge delay', 'a short delay')).toBe('Sorry, there is a short delay today.');
    expect(click('no problem, done.', 'no problem', 'happy to help')).toBe('Happy to help, done.');
  });

  it('takes the clause around the underline with a whole sentence', () => {
    expect(click('Feel free to take your business elsewhere.', 'take your business elsewhere', "We'd be glad to help you again any time."))
      .toBe("We'd be glad to help you again any time.");
    expect(click('Shouting at our staff won’t get it fixed any faster.', 'Shouting at our staff won’t get', "I understand you've had enough, and I'm on it."))
      .toBe("I understand you've had enough, and I'm on it.");
    expect(click('Hi Claire, actually the item was delivered on time. Thanks.', 'actually the item was delivered', 'I can see why this is confusing.'))
      .toBe('Hi Claire, I can see why this is confusing. Thanks.');
  });

  it('keeps the clause that follows a comma, starting it as a sentence', () => {
    expect(click("Don't take it personally, the bot flags lots of accounts.", 'take it personally', "I understand why you're frustrated."))
      .toBe("I understand why you're frustrated. The bot flags lots of accounts.");
  });

  it('keeps a leading @mention and a closing name', () => {
    expect(click("@116396 We're sorry you feel this way, Maggie. All charges are online.", "We're sorry you feel this way", "I'm sorry this happened."))
      .toBe("@116396 I'm sorry this happened, Maggie. All charges are online.");
    expect(click('@116664 that option is not available.', 'that option is not available', "here's what I can do instead:")).toBe("@116664 Here's what I can do instead:");
  });

  it('keeps a greeting the underline starts with, and takes a one-word opener along', () => {
    expect(click('Hi Claire, actually the item was delivered on time.', 'Hi Claire, actually the item was delivered', 'I can see why this is confusing.'))
      .toBe('Hi Claire, I can see why this is confusing.');
    expect(click('Please, no more exclamation marks.', 'no more exclamation marks', 'I can hear how frustrating this is.'))
      .toBe('I can hear how frustrating this is.');
  });

  it('lets a lead-in stand for "sorry, but" and keeps what follows the "but"', () => {
    expect(click("I'm sorry Kevin, but you need to contact Kuwait Airways.", "I'm sorry Kevin, but you need", "I'm sorry about this —"))
      .toBe("I'm sorry about this — you need to contact Kuwait Airways.");
  });

  it('puts a lead-in before the clause and keeps the agent’s words', () => {
    expect(click('You obviously need to charge it first.', 'obviously', 'Just so you know,')).toBe('Just so you know, you need to charge it first.');
  });

  it('lets a sentence ending in a colon introduce the agent’s point instead of taking it', () => {
    expect(click('Unfortunately the item is out of stock.', 'Unfortunately', "Here's what I can do:")).toBe("Here's what I can do: the item is out of stock.");
  });

  it('takes a subordinate clause or a closing "please" along', () => {
    expect(click('Верится с трудом, что посылка не пришла.', 'Верится с трудом', 'Спасибо, что рассказали, — я всё проверю'))
      .toBe('Спасибо, что рассказали, — я всё проверю.');
    expect(click('Not really my area, sorry.', 'Not really my area', "I'll find the right person for you.")).toBe("I'll find the right person for you.");
    expect(click('Feel free to take your business elsewhere, honestly.', 'take your business elsewhere', "I'm here whenever you need us."))
      .toBe("I'm here whenever you need us.");
    expect(click('Не кричите на меня, пожалуйста.', 'Не кричите на меня', 'Я вижу, как вас это задело')).toBe('Я вижу, как вас это задело.');
  });

  it('leaves the agent’s own content when the clause is long', () => {
    const text = 'I checked it twice and honestly we have no control over the courier company that delivers to your area on weekends.';
    expect(click(text, 'we have no control over', "I'll chase them myself today.")).toContain('courier company that delivers');
  });

  it('never doubles punctuation where the alternative meets the text', () => {
    expect(click('Like I told you on the phone, it needs a form.', 'Like I told you on the phone', 'To recap,')).toBe('To recap, it needs a form.');
    expect(click('Let me spell it out for you: the seller ships it.', 'Let me spell it out for you', 'Just so you know,'))
      .toBe('Just so you know: the seller ships it.');
    expect(click('Everyone knows that sale items are final.', 'Everyone knows that', 'Just so you know,')).toBe('Just so you know, sale items are final.');
    expect(click('Being rude to the driver isn’t going to help.', 'Being rude to the driver isn’t going to help', "I'm sorry you're still waiting; let me sort this."))
      .toBe("I'm sorry you're still waiting; let me sort this.");
  });

  it('ends a statement that replaced a question with a full stop', () => {
    expect(click('Чем докажете?', 'Чем докажете', 'Спасибо, я всё проверю')).toBe('Спасибо, я всё проверю.');
  });

  it('keeps English "I" capitalised mid-sentence and lowercases other sentence starts there', () => {
    expect(click('Hi Sam, calm down please.', 'calm down', "I understand how frustrating this is.")).toBe("Hi Sam, I understand how frustrating this is.");
    expect(click('Hi Sam, calm down please.', 'calm down', 'That sounds really frustrating.')).toBe('Hi Sam, that sounds really frustrating.');
  });

  it('does not take a time or a thousands separator for a clause mark, and takes a % sign along', () => {
    expect(click('Мені шкода, що ви засмучені, але служба працює з 9:00.', 'шкода, що ви засмучені, але', 'Перепрошую, що так сталося.'))
      .toBe('Перепрошую, що так сталося. Служба працює з 9:00.');
    expect(click('The courier comes at 9:00, 100%.', '100', 'most likely')).toBe('The courier comes at 9:00, most likely.');
  });

  it('does not take a number with a decimal point for a sentence end', () => {
    // Were "2." a sentence end, the lead-in "Version 2.1" would survive as "Version 2.Here is…".
    expect(click('Version 2.1 is just how it works now.', 'is just how it works', 'Here is what changed.')).toBe('Here is what changed.');
  });
});
