/**
 * The reflection wall in the text exports: per column (its title), the posts in order with their
 * authors (or "anonymous") and likes.
 */
import { msg } from '../../render/export-messages.js';
import { escapeMarkdown, markdownItem, markdownList } from '../../render/export-text.js';
import { msg as renderMsg } from '../../render/messages.js';
import type { KindExport } from '../kind.js';
import type { WallColumn } from './records.js';

export const reflectionWallExport: KindExport<WallColumn[]> = {
  csvRows(data, locale) {
    return data.flatMap((column) =>
      column.posts.map((post) => ({
        kind: 'wall-post',
        place: column.item.props.title,
        text: post.item.props.text,
        author: post.item.props.author.trim() || renderMsg('anonymous', {}, locale),
        extra: msg('likes', { count: post.likes }, locale),
      })),
    );
  },

  markdown(data, locale) {
    const out: string[] = [];
    for (const column of data) {
      out.push(`#### ${escapeMarkdown(column.item.props.title) || renderMsg('untitled', {}, locale)}`, '');
      const posts = column.posts.map((post) => {
        const author = post.item.props.author.trim() ? escapeMarkdown(post.item.props.author) : renderMsg('anonymous', {}, locale);
        return `${markdownItem(post.item.props.text)} — _${author}_${post.likes > 0 ? ` (${msg('likes', { count: post.likes }, locale)})` : ''}`;
      });
      out.push(...markdownList(posts, msg('noNotes', {}, locale)));
    }
    return out;
  },

  counts(data) {
    const posts = data.flatMap((column) => column.posts);
    return { posts: posts.length, likes: posts.reduce((n, p) => n + p.likes, 0) };
  },
};
