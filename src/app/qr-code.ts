/**
 * `<kb-qr-code>`: a QR code of `value` (a group's join link) as crisp SVG, for the screen and
 * for print. The matrix comes from qrcode-generator; the drawing is ours (one path).
 *
 * @csspart svg - the drawing.
 * @cssproperty --kb-qr-size - its width and height (default 160px).
 */
import { css, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import qrcode from 'qrcode-generator';

/** The dark modules of the QR code of `value` as one SVG path, and the module count. */
export function qrPath(value: string): { d: string; size: number } {
  const qr = qrcode(0, 'M');
  qr.addData(value, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
  }
  return { d, size: n };
}

@customElement('kb-qr-code')
export class KbQrCode extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      width: var(--kb-qr-size, 160px);
      height: var(--kb-qr-size, 160px);
      background: #fff;
    }
    svg {
      width: 100%;
      height: 100%;
      display: block;
    }
  `;

  /** What the code holds (an absolute URL). */
  @property() value = '';
  /** Its name for screen readers. */
  @property() label = '';

  override render() {
    if (!this.value) return svg``;
    const { d, size } = qrPath(this.value);
    const q = 4; // the quiet zone the standard asks for
    return svg`<svg part="svg" viewBox="${-q} ${-q} ${size + 2 * q} ${size + 2 * q}" role="img" aria-label=${this.label} shape-rendering="crispEdges"><path d=${d} fill="#000" /></svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-qr-code': KbQrCode;
  }
}
