import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  type GraphQLCompositeType,
  valueFromASTUntyped,
  validate,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Query depth and cost limits, checked before execution. The cost of a field is 1 plus the cost
 * of its selections, times the page size it asks for when it returns a list of objects, so that
 * `articles(first: 100) { mentions { entity { relations(first: 100) ... } } }` is priced honestly.
 */
export const MAX_DEPTH = 10;
export const MAX_COST = 50000;
/** Page size of connections and `first` arguments left out. */
const DEFAULT_PAGE = 20;
/** Lists without a size argument (mentions of an article, evidence of a relation) are usually short. */
const DEFAULT_LIST_SIZE = 10;
const SIZE_ARGS = ['first', 'limit'];

function isList(type: GraphQLType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

export function queryLimits(options: { maxDepth?: number; maxCost?: number; variables?: Record<string, unknown> } = {}): ValidationRule {
  const variables = options.variables ?? {};
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const maxCost = options.maxCost ?? MAX_COST;
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const schema = context.getSchema();

    const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, depth: number, seen: Set<string>): { cost: number; depth: number } => {
      let cost = 0;
      let deepest = depth;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          const r = fieldCost(sel, parent, depth + 1, seen);
          cost += r.cost;
          deepest = Math.max(deepest, r.depth);
        } else {
          const frag = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value) : undefined;
          if (sel.kind === Kind.FRAGMENT_SPREAD && (!frag || seen.has(sel.name.value))) continue;
          const node = sel.kind === Kind.FRAGMENT_SPREAD ? frag! : sel;
          const typeName = node.typeCondition?.name.value;
          const target = typeName ? (schema.getType(typeName) as GraphQLCompositeType | undefined) : parent;
          if (!target || !isCompositeType(target)) continue;
          const next = sel.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, sel.name.value]) : seen;
          const r = walk(node.selectionSet, target, depth, next);
          cost += r.cost;
          deepest = Math.max(deepest, r.depth);
        }
      }
      return { cost, depth: deepest };
    };

    const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, depth: number, seen: Set<string>): { cost: number; depth: number } => {
      if (field.name.value.startsWith('__')) return { cost: 0, depth };
      const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
      if (!def) return { cost: 1, depth };
      const named = getNamedType(def.type);
      let size = 1;
      if (/Connection$/.test(named.name)) size = DEFAULT_PAGE;
      // a connection's own page size already counts its edges and nodes
      else if (isList(def.type as GraphQLOutputType) && isCompositeType(named) && !/Connection$/.test(parent.name)) size = DEFAULT_LIST_SIZE;
      for (const arg of field.arguments ?? []) {
        if (!SIZE_ARGS.includes(arg.name.value)) continue;
        const v = valueFromASTUntyped(arg.value, variables);
        if (typeof v === 'number') size = Math.max(1, v);
      }
      if (!field.selectionSet || !isCompositeType(named)) return { cost: size, depth };
      const inner = walk(field.selectionSet, named, depth, seen);
      return { cost: size * (1 + inner.cost), depth: inner.depth };
    };

    return {
      OperationDefinition(op) {
        const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        if (!root) return;
        const { cost, depth } = walk(op.selectionSet, root, 0, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query is too deep: depth ${depth} exceeds the limit of ${maxDepth}.`, { nodes: [op], extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', value: depth, max: maxDepth } }));
        }
        if (cost > maxCost) {
          context.reportError(new GraphQLError(`Query is too expensive: estimated cost ${cost} exceeds the limit of ${maxCost} (lower "first"/"limit" or select less).`, { nodes: [op], extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', value: cost, max: maxCost } }));
        }
      },
    };
  };
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
          const errors = validate(schema, document, [queryLimits({ ...options, variables: request.variables ?? {} })]);
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
