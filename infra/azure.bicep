// The Windows Licensing Assistant in one resource group: a Flex Consumption Function App on
// Linux (Node 24), its user-assigned managed identity (which is also the bot's identity: no
// password anywhere), deployment storage reached by that identity (no keys), the Azure Bot with
// the Teams and Direct Line channels, Application Insights on a Log Analytics workspace, a
// workbook over the turn log, and a Key Vault holding the Direct Line secret.
//
// Deployed by the Microsoft 365 Agents Toolkit (m365agents.yml, arm/deploy) with
// azure.parameters.json. Not compiled in this project's CI: no Bicep compiler is installable
// there; test/infra/ checks what can be checked without one.

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name (lower case letters, digits and hyphens).')
param resourceBaseName string

@maxLength(42)
@description('The bot\'s display name in the Azure Bot resource.')
param botDisplayName string

param location string = resourceGroup().location

@description('Comma-separated partner-portal origins that may host the Web Chat page and ask for tokens, e.g. https://partners.contoso.com. The app\'s own origin is always added.')
param webchatAllowedOrigins string = ''

@description('Comma-separated Entra tenant ids whose Teams users the bot serves; empty serves every tenant that installs the app.')
param allowedTenantIds string = ''

@allowed([2048, 4096])
@description('Memory of each Flex Consumption instance.')
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
@description('The most instances Flex Consumption may scale out to (40 is the lowest it accepts).')
param maximumInstanceCount int = 40

@minValue(0)
@maxValue(10)
@description('Always-ready instances for the HTTP functions: 1 removes most cold starts and is billed while idle; 0 scales to zero.')
param alwaysReadyInstances int = 0

@description('Days Log Analytics keeps the logs (the turn log included).')
param logRetentionDays int = 30

@description('Comma-separated Entra object ids of the people who may register or move the licensing desk (set licensing desk).')
param deskOwnerIds string = ''

@description('The Teams team id whose members may register or move the licensing desk in one of its channels; empty: only deskOwnerIds may.')
param deskTeamId string = ''

@description('Whom partners on the Web Chat page should ask about what the guide leaves open (the licensing desk\'s button is Teams only), e.g. licensing@contoso.com; empty: not shown.')
param deskContact string = ''

@minValue(1)
@maxValue(3650)
@description('Days a licensing-desk request is kept after it is answered or closed, then deleted.')
param deskRetentionDays int = 90

var suffix = take(uniqueString(subscription().id, resourceGroup().id, resourceBaseName), 6)
var functionAppName = '${resourceBaseName}-${suffix}'
// Storage and Key Vault names: 3-24 characters, letters and digits only for storage.
var storageAccountName = take('st${toLower(replace(resourceBaseName, '-', ''))}${suffix}', 24)
var keyVaultName = take('kv-${resourceBaseName}-${suffix}', 24)
var deploymentContainerName = 'app-package'
var directLineSecretName = 'direct-line-secret'
// The app's own host name, known before the site exists (no unique-hostname scope is set).
var appHostName = '${functionAppName}.azurewebsites.net'
var portalOrigins = filter(map(split(webchatAllowedOrigins, ','), origin => trim(origin)), origin => !empty(origin))
var trustedOrigins = union(['https://${appHostName}'], portalOrigins)

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    // Keys off: the host and the deployment both reach this account with the managed identity.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
}

resource storageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, roles.storageBlobDataOwner)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

// The licensing desk's requests (desk/table-store.ts), reached with the same identity: a data role
// on this one table only, no account key.
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deskTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'deskrequests'
}

resource deskTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: deskTable
  name: guid(deskTable.id, identity.id, roles.storageTableDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity, not a system-assigned one.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // No platform CORS list: the token function answers CORS itself (handlers/webchat-token.ts).
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyInstances }] : []
      }
      runtime: {
        name: 'node'
        version: '24'
      }
    }
  }
  dependsOn: [
    storageRole
    deploymentContainer
  ]
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${appHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'partner-portal'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          // Enhanced authentication: Direct Line keeps the dl_ user id of the token and accepts
          // the token only on these origins (the list the token function also sends).
          isSecureSiteEnabled: true
          trustedOrigins: trustedOrigins
        }
      ]
    }
  }
}

// Azure Bot creates a Web Chat channel with its own secret by default; nothing here uses it.
resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: []
    }
  }
}

// The Direct Line site's key, copied into the vault at deployment. Provisioning again after
// regenerating the key in the portal writes a new secret version (docs/deploy.md: rotation).
resource directLineSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: directLineSecretName
  properties: {
    value: directLine.listChannelWithKeys().setting.sites[0].key
    contentType: 'Direct Line secret of ${bot.name}'
  }
}

// Every setting config/config.ts reads in Azure (test/infra checks that none is missing).
// FUNCTIONS_WORKER_RUNTIME and the Node version come from functionAppConfig.runtime on Flex
// Consumption and must not be app settings there.
var appSettings = {
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  PUBLIC_BASE_URL: 'https://${appHostName}'
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppId: identity.properties.clientId
  MicrosoftAppTenantId: identity.properties.tenantId
  DIRECT_LINE_SECRET: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${directLineSecretName})'
  DIRECT_LINE_ENDPOINT: 'https://directline.botframework.com'
  WEBCHAT_ALLOWED_ORIGINS: join(portalOrigins, ',')
  ALLOWED_TENANT_IDS: allowedTenantIds
  DESK_STORE: 'table'
  DESK_TABLE_ENDPOINT: storage.properties.primaryEndpoints.table
  DESK_TABLE_NAME: deskTable.name
  DESK_IDENTITY_CLIENT_ID: identity.properties.clientId
  DESK_RETENTION_DAYS: string(deskRetentionDays)
  DESK_OWNER_IDS: deskOwnerIds
  DESK_TEAM_ID: deskTeamId
  DESK_CONTACT: deskContact
}

resource functionAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: appSettings
  dependsOn: [
    vaultRole
    directLineSecret
    deskTableRole
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, appInsights.id, 'turn-log-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: '${botDisplayName}: turns, verdicts, searches, votes, latency'
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: loadTextContent('workbook.json')
  }
}

// Read by m365agents.yml (arm/deploy writes each into env/.env.<environment>).
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_AZURE_FUNCTION_APP_RESOURCE_ID string = functionApp.id
output BOT_DOMAIN string = appHostName
output BOT_FUNCTION_ENDPOINT string = 'https://${appHostName}'
output AZURE_BOT_NAME string = bot.name
output KEY_VAULT_NAME string = vault.name
output APPLICATION_INSIGHTS_NAME string = appInsights.name
