/** Reading and writing a reflection wall's records (columns, posts, likes) through the Board. */
import type { Board, Item, Origin } from '../../model/index.js';
import { likeId } from '../../model/wall-like.js';
import { MAX_POST } from '../../model/wall-post.js';
import { byOrder, orderAt } from '../../model/order.js';

export { MAX_POST };
export const MAX_COLUMN_TITLE = 200;
export const MAX_QUESTIONS = 2000;
const MAX_AUTHOR = 60;
const CLIENT_TAG = /^[A-Za-z0-9_-]{1,40}$/;

export type ColumnItem = Item<'wall-column'>;
export type PostItem = Item<'wall-post'>;

/** One post as the wall shows it. */
export interface WallPost {
  item: PostItem;
  likes: number;
  /** True if this participant (by client tag) likes it. */
  liked: boolean;
  /** True if this participant may delete it (their own). */
  mine: boolean;
}

/** One column with its posts, newest last. */
export interface WallColumn {
  item: ColumnItem;
  posts: WallPost[];
}

/** The participant reading the wall. */
export interface Reader {
  userName: string;
  clientTag: string;
}

/** The name stored as a post's author ('' = anonymous). */
export function authorName(userName: string): string {
  return userName.trim().slice(0, MAX_AUTHOR);
}

/** True if `tag` can identify a like (the like record's `by`). */
export function canLike(tag: string): boolean {
  return CLIENT_TAG.test(tag);
}

/** A post is the reader's own if its author is their name and it was created with their tag. */
export function isOwnPost(post: PostItem, reader: Reader): boolean {
  return reader.clientTag !== '' && post.createdBy === reader.clientTag && post.props.author === authorName(reader.userName);
}

/** The wall's columns in order, each with its posts in order and their likes. */
export function readWall(board: Board, widgetId: string, reader: Reader): WallColumn[] {
  const mine = canLike(reader.clientTag) ? reader.clientTag : null;
  return board
    .owned(widgetId, 'wall-column')
    .sort(byOrder)
    .map((item) => ({
      item,
      posts: board
        .owned(item.id, 'wall-post')
        .sort(byOrder)
        .map((post) => {
          const likes = board.owned(post.id, 'wall-like');
          return {
            item: post,
            likes: likes.length,
            liked: mine !== null && likes.some((l) => l.id === likeId(post.id, mine)),
            mine: isOwnPost(post, reader),
          };
        }),
    }));
}

/** The wall for no one in particular (no 'liked' or 'mine'): what exports and the plenum read. */
export function readWallPublic(board: Board, widgetId: string): WallColumn[] {
  return readWall(board, widgetId, { userName: '', clientTag: '' });
}

/** Why a post text cannot be posted, or null when it can. */
export function postProblem(text: string): 'empty' | 'too-long' | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > MAX_POST) return 'too-long';
  return null;
}

/** Posts `text` (trimmed) at the end of the column; returns the new post's id. */
export function addPost(board: Board, columnId: string, text: string, author: string, clientTag: string, origin: Origin): string {
  const posts = board.owned(columnId, 'wall-post').sort(byOrder);
  return board.create(
    'wall-post',
    {
      props: { column: columnId, text: text.trim(), author: authorName(author), order: orderAt(posts, posts.length) },
      ...(clientTag !== '' && clientTag.length <= 64 ? { createdBy: clientTag } : {}),
    },
    origin,
  );
}

/** Likes the post as `clientTag`, or unlikes it if already liked; returns whether it is liked now. */
export function toggleLike(board: Board, postId: string, clientTag: string, origin: Origin): boolean {
  const id = likeId(postId, clientTag);
  if (board.get(id) !== undefined) {
    board.delete([id], origin);
    return false;
  }
  board.create('wall-like', { id, props: { post: postId, by: clientTag } }, origin);
  return true;
}

/** Moves a post to `index` among the posts of `columnId` (itself excluded): one updateProps. */
export function movePost(board: Board, postId: string, columnId: string, index: number, origin: Origin): void {
  const others = board.owned(columnId, 'wall-post').filter((p) => p.id !== postId).sort(byOrder);
  const at = Math.max(0, Math.min(others.length, index));
  board.updateProps<'wall-post'>(postId, { column: columnId, order: orderAt(others, at) }, origin);
}

/** Adds a column at the end of the wall; returns its id. */
export function addColumn(board: Board, widgetId: string, title: string, origin: Origin): string {
  const columns = board.owned(widgetId, 'wall-column').sort(byOrder);
  return board.create('wall-column', { props: { widget: widgetId, title, questions: '', order: orderAt(columns, columns.length) } }, origin);
}
