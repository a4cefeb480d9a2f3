// Matches a URL path against a Functions route template the way the host's (ASP.NET Core)
// routing does, for the parts of the syntax the app's routes use: literal segments (compared
// without regard to case), a parameter per segment `{name}`, an optional last one `{name?}`, and
// the constraint `maxlength(n)`. A template using anything else is refused when compiled, so a
// new route cannot silently match differently here than on Azure. A trailing slash is ignored.

export type RouteParams = Record<string, string>;
export type RouteMatcher = (pathname: string) => RouteParams | undefined;

type Segment = { literal: string } | { param: string; optional: boolean; maxLength?: number };

const PARAMETER = /^\{([A-Za-z][A-Za-z0-9_]*)((?::[a-z]+(?:\([^()]*\))?)*)(\?)?\}$/;

function parseSegment(text: string, template: string, last: boolean): Segment {
  if (!text.includes('{') && !text.includes('}')) {
    if (!text) throw new Error(`route template "${template}": empty segment`);
    return { literal: text.toLowerCase() };
  }
  const match = PARAMETER.exec(text);
  if (!match) throw new Error(`route template "${template}": unsupported segment "${text}"`);
  const [, param, constraints, optional] = match;
  if (optional && !last) throw new Error(`route template "${template}": only the last parameter may be optional`);
  let maxLength: number | undefined;
  for (const constraint of constraints.split(':').filter(Boolean)) {
    const limit = /^maxlength\((\d+)\)$/.exec(constraint);
    if (!limit) throw new Error(`route template "${template}": unsupported constraint "${constraint}"`);
    maxLength = Number(limit[1]);
  }
  return { param, optional: optional === '?', maxLength };
}

export function compileRouteTemplate(template: string): RouteMatcher {
  const texts = template === '' ? [] : template.split('/');
  const segments = texts.map((text, index) => parseSegment(text, template, index === texts.length - 1));
  return (pathname) => {
    const trimmed = pathname.replace(/^\//, '').replace(/\/$/, '');
    const parts = trimmed === '' ? [] : trimmed.split('/');
    if (parts.length > segments.length) return undefined;
    const params: RouteParams = {};
    for (const [index, segment] of segments.entries()) {
      const part = parts[index];
      if ('literal' in segment) {
        if (part === undefined || part.toLowerCase() !== segment.literal) return undefined;
        continue;
      }
      if (part === undefined) {
        if (segment.optional) continue;
        return undefined;
      }
      // An empty segment in the middle of a path ("a//b") matches nothing, as on the host.
      if (part === '') return undefined;
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        return undefined;
      }
      if (segment.maxLength !== undefined && value.length > segment.maxLength) return undefined;
      params[segment.param] = value;
    }
    return params;
  };
}
