import { createGlobalStyle } from 'styled-components';

/**
 * Strapi's Markdown (rich text) editor, when disabled, stops taking input (its CodeMirror is
 * read-only, the toolbar disabled) but keeps the white background of an editable field. In an
 * edition's edit view, where a released locale's fields are disabled (freezeEditLayout.ts), it is
 * given the look of Strapi's other disabled inputs: grey background, muted text, no-entry cursor.
 * Mounted by the edition panel, so only the editions' edit view is restyled.
 */
export const FrozenEditorStyle = createGlobalStyle`
  .CodeMirror:has(.CodeMirror-code[contenteditable='false']) {
    background: ${({ theme }) => theme.colors.neutral150};
    color: ${({ theme }) => theme.colors.neutral600};
    cursor: not-allowed;
  }
`;
