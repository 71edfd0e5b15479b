import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  visitInParallel,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createComplexityRule, fieldExtensionsEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Query depth and cost limits, checked before execution. Cost is graphql-query-complexity's
 * (which honours @skip/@include and fragments), from two estimators in turn:
 * - a field that returns a page prices itself with type-graphql's `complexity` option
 *   (`pageCost`, `connectionCost`, `pageItemsCost` below), read by `fieldExtensionsEstimator`;
 * - every other field costs `defaultCost`: 1 plus its selections, ten times over for a list of
 *   objects without a size argument (the mentions of an article, the evidence of a relation).
 * So `articles(first: 100) { nodes { mentions { entity { relations(first: 100) ... } } } }` is
 * priced 100 × 10 × 100 times the relation's own selections.
 */
export const MAX_DEPTH = 10;
export const MAX_COST = 50000;
/** Page size of connections and `first` arguments left out. */
const DEFAULT_PAGE = 20;
/** Lists without a size argument (mentions of an article, evidence of a relation) are usually short. */
const DEFAULT_LIST_SIZE = 10;
const SIZE_ARGS = ['first', 'limit'];
const CODE = 'QUERY_TOO_COMPLEX';

function isList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * A field that returns a page of items: the `first` or `limit` the query writes (a variable counts
 * at its value), else `unwritten`, times 1 plus the cost of one item's selections.
 */
export const pageCost =
  (unwritten: number = DEFAULT_LIST_SIZE): ComplexityEstimator =>
  ({ node, args, childComplexity }) => {
    let size = unwritten;
    for (const arg of node.arguments ?? []) {
      const v: unknown = args[arg.name.value];
      if (SIZE_ARGS.includes(arg.name.value) && typeof v === 'number') size = Math.max(1, v);
    }
    return size * (1 + childComplexity);
  };

/** A cursor connection (`first`, `after`): a page of 20 unless `first` says otherwise. */
export const connectionCost = pageCost(DEFAULT_PAGE);

/** A connection's `nodes` and `edges`: the page size was counted at the connection's field. */
export const pageItemsCost: ComplexityEstimator = ({ childComplexity }) => 1 + childComplexity;

/** Any field that does not price itself. */
export const defaultCost: ComplexityEstimator = ({ field, childComplexity }) =>
  (isList(field.type) && isCompositeType(getNamedType(field.type)) ? DEFAULT_LIST_SIZE : 1) * (1 + childComplexity);

const ESTIMATORS = [fieldExtensionsEstimator(), defaultCost];

/**
 * The deepest field of an operation, counting root fields as 1; fragments are followed once each
 * (cycles and unknown fragments are other rules' findings).
 */
export function operationDepth(op: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): number {
  const walk = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>): number => {
    let deepest = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, sel.selectionSet ? walk(sel.selectionSet, depth + 1, seen) : depth + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(sel.selectionSet, depth, seen));
      } else {
        const frag = fragments.get(sel.name.value);
        if (frag && !seen.has(sel.name.value))
          deepest = Math.max(deepest, walk(frag.selectionSet, depth, new Set([...seen, sel.name.value])));
      }
    }
    return deepest;
  };
  return walk(op.selectionSet, 0, new Set());
}

export function queryLimits(options: { maxDepth?: number; maxCost?: number; variables?: Record<string, unknown> } = {}): ValidationRule {
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const maxCost = options.maxCost ?? MAX_COST;
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    // variables that do not fit are the executor's finding (BAD_USER_INPUT), not a limit
    const onlyLimits = Object.create(context, {
      reportError: { value: (e: GraphQLError) => (e.extensions?.code === CODE ? context.reportError(e) : undefined) },
    }) as ValidationContext;
    const cost = createComplexityRule({
      maximumComplexity: maxCost,
      variables: options.variables ?? {},
      estimators: ESTIMATORS,
      createError: (max, actual) =>
        new GraphQLError(
          `Query is too expensive: estimated cost ${actual} exceeds the limit of ${max} (lower "first"/"limit" or select less).`,
          {
            extensions: { code: CODE, limit: 'cost', value: actual, max },
          },
        ),
    })(onlyLimits);
    const depth: ASTVisitor = {
      OperationDefinition(op) {
        const d = operationDepth(op, fragments);
        if (d > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is too deep: depth ${d} exceeds the limit of ${maxDepth}.`, {
              nodes: [op],
              extensions: { code: CODE, limit: 'depth', value: d, max: maxDepth },
            }),
          );
        }
      },
    };
    return visitInParallel([depth, cost]);
  };
}

/** The limit findings of one document with its variables (none: within the limits). */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: { maxDepth?: number; maxCost?: number; variables?: Record<string, unknown> } = {},
): readonly GraphQLError[] {
  return validate(schema, document, [queryLimits(options)]);
}

/**
 * Apollo plugin running the limits once the operation is known, with the request's variables,
 * so `first: $size` is priced at the size actually asked for.
 */
export function limitsPlugin(options: { maxDepth?: number; maxCost?: number } = {}): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const errors = checkLimits(schema, document, { ...options, variables: request.variables ?? {} });
          // refused before execution, like any invalid request: HTTP 400, not 500
          if (errors.length) {
            const e = errors[0];
            throw new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, http: { status: 400 } } });
          }
        },
      };
    },
  };
}
