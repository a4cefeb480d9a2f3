import { decisionHandler } from '../../handlers/decision';
import { defaultRoutes } from '../../server/local-server';

// The decision record page has a Functions function of its own; the local server serves the very
// same handler on the same route, so a link works the same against either.

describe('the decision record route', () => {
  it('is registered with the Functions host as "decision" at decision/{topic}, for GET and HEAD', async () => {
    const registrations: { name: string; options: { route?: string; methods?: string[]; handler?: unknown } }[] = [];
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@azure/functions', () => ({
        ...jest.requireActual<typeof import('@azure/functions')>('@azure/functions'),
        app: { http: (name: string, options: { route?: string; methods?: string[] }) => registrations.push({ name, options }) },
      }));
      await import('../../functions/index');
    });
    jest.dontMock('@azure/functions');
    const decision = registrations.find((registration) => registration.name === 'decision');
    expect(decision?.options).toMatchObject({ route: 'decision/{topic}', methods: ['GET', 'HEAD'], authLevel: 'anonymous' });
  });

  it('is served by the local server with the same handler and the topic as its parameter', () => {
    const route = defaultRoutes().find((candidate) => candidate.pattern.test('/decision/used-pc'))!;
    expect(route.functionName).toBe('decision');
    expect(route.handler).toBe(decisionHandler);
    expect(route.params('/decision/used-pc'.match(route.pattern)!)).toEqual({ topic: 'used-pc' });
    expect(defaultRoutes().some((candidate) => candidate.pattern.test('/decision'))).toBe(false);
  });
});
