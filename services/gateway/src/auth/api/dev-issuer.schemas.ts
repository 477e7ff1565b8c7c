import { z } from 'zod';

export const tokenRequestSchema = z.strictObject({
  username: z.string().min(1).max(100).describe('A demo account, e.g. `taoyuan.district-admin`'),
  password: z.string().min(1).max(200),
});

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('Seconds until the token expires'),
});

export const demoAccountsResponseSchema = z.object({
  password: z.string().describe('The one password of every demo account (development only)'),
  tokenEndpoint: z.string(),
  accounts: z.array(
    z.object({
      username: z.string(),
      role: z.string(),
      district: z.string().nullable(),
      districtId: z.string().nullable(),
      scope: z.string(),
    }),
  ),
});

export const jwksResponseSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

export type TokenRequest = z.infer<typeof tokenRequestSchema>;
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
export type DemoAccountsResponse = z.infer<typeof demoAccountsResponseSchema>;
