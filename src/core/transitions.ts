// Which of a note's transition sections count, and their names, for readiness and the views:
// taken from the parser's checks module (type-only imports besides the stages), so the standalone
// page bundles none of the parser.
export { effectiveTransitions, transitionKey, transitionName } from './parse/note-checks';
