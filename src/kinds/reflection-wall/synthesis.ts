/**
 * The reflection wall in the plenum's synthesis: the answers to each question (a wall column,
 * matched across groups by its title) from every group, the most liked first, with their likes.
 * Questions come in the order they are first met (the first group's columns first).
 */
import { sameTextKey } from '../bor-gor-matrix/synthesis.js';
import { msg as renderMsg } from '../../render/messages.js';
import { sm } from '../../workshop/synthesis-messages.js';
import type { KindSynthesis } from '../kind.js';
import type { WallColumn } from './records.js';

export interface WallAnswer {
  text: string;
  group: number;
  author: string;
  likes: number;
}

export interface WallQuestion {
  title: string;
  /** The column's questions, one per line (the first group's wording). */
  questions: string;
  /** The groups whose wall has this column. */
  groups: number[];
  answers: WallAnswer[];
  likes: number;
}

export interface WallAnswers {
  /** The groups with a wall, in order. */
  groups: number[];
  questions: WallQuestion[];
}

export const reflectionWallSynthesis: KindSynthesis<WallColumn[], WallAnswers> = {
  gather(groups) {
    const byTitle = new Map<string, WallQuestion & { order: { at: number; answer: WallAnswer }[] }>();
    let at = 0;
    const withWall: number[] = [];
    for (const { group, widgets } of groups) {
      if (widgets.length === 0) continue;
      withWall.push(group.number);
      for (const column of widgets.flat()) {
        const key = sameTextKey(column.item.props.title);
        const q = byTitle.get(key) ?? byTitle.set(key, { title: column.item.props.title.trim(), questions: column.item.props.questions, groups: [], answers: [], likes: 0, order: [] }).get(key)!;
        if (!q.groups.includes(group.number)) q.groups.push(group.number);
        for (const post of column.posts) {
          q.order.push({ at: at++, answer: { text: post.item.props.text, group: group.number, author: post.item.props.author, likes: post.likes } });
          q.likes += post.likes;
        }
      }
    }
    return {
      groups: withWall,
      questions: [...byTitle.values()].map(({ order, ...q }) => ({
        ...q,
        answers: order.sort((a, b) => b.answer.likes - a.answer.likes || a.at - b.at).map((o) => o.answer),
      })),
    };
  },
  lists: [
    {
      key: 'answers',
      title: (locale) => sm('list.answers', {}, locale),
      items: (section, locale) =>
        section.questions.flatMap((q) => q.answers.map((a) => ({ label: a.text, detail: q.title || renderMsg('untitled', {}, locale), groups: [a.group] }))),
    },
  ],
};
