; Inno Setup script: a per-user installer for the one-folder bundle (no administrator rights).
; Build the bundle first (uv run python packaging\build.py), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\jgstudy.iss
; The installer lands in dist\ as jgstudy-<version>-windows-x86_64-setup.exe.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{8E6B7E61-3C1D-4C55-9B7A-6A0B2B8F5A11}
AppName=机关学习 jgstudy
AppVersion={#AppVersion}
AppPublisher=jgstudy
DefaultDirName={localappdata}\Programs\jgstudy
DefaultGroupName=机关学习
PrivilegesRequired=lowest
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=jgstudy-{#AppVersion}-windows-x86_64-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\jgstudy.exe
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\jgstudy\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\机关学习"; Filename: "{app}\jgstudy.exe"
Name: "{group}\卸载机关学习"; Filename: "{uninstallexe}"
Name: "{userdesktop}\机关学习"; Filename: "{app}\jgstudy.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\jgstudy.exe"; Description: "{cm:LaunchProgram,机关学习}"; Flags: nowait postinstall skipifsilent
