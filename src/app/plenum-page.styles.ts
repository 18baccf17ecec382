/** The styles of `<kb-plenum-page>` itself (its parts bring their own). */
import { css } from 'lit';

export const plenumPageStyles = css`
  header.toolbar h1.title {
    margin-right: auto;
  }
`;
